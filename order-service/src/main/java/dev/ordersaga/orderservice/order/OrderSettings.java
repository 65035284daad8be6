package dev.ordersaga.orderservice.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadline how long an order may stay undecided before it is rejected with TIMEOUT
 * @param deadlineSweepInterval how often overdue orders are looked for (the deadline is
 * met to within this)
 * @param admission when new orders are refused at the door
 * @param waiting how many requests may wait for an order's outcome at once
 */
@ConfigurationProperties("saga.order")
record OrderSettings(@DefaultValue("30s") Duration deadline, @DefaultValue("1s") Duration deadlineSweepInterval,
		@DefaultValue Admission admission, @DefaultValue Waiting waiting) {

	/**
	 * New orders are refused ({@code 429}) while the saga is so far behind that they
	 * would likely miss their deadline.
	 *
	 * @param maxOldestWait refuse while the oldest undecided order has waited longer than
	 * this: every order accepted now queues behind it (a third of the default deadline,
	 * so an accepted order still has room to finish)
	 * @param maxUndecided refuse while more orders than this are undecided, whatever
	 * their age: a bound on the work accepted at once
	 * @param sampleInterval how often the backlog is measured (one indexed query over the
	 * undecided orders of every instance)
	 * @param retryAfter what the refusal's {@code Retry-After} header tells the client
	 * @param maxConcurrent how many {@code POST /orders} this instance serves at once;
	 * one more answers 429 at once rather than wait for a database connection (and hold
	 * its HTTP connection meanwhile)
	 */
	record Admission(@DefaultValue("10s") Duration maxOldestWait, @DefaultValue("5000") int maxUndecided,
			@DefaultValue("250ms") Duration sampleInterval, @DefaultValue("1s") Duration retryAfter,
			@DefaultValue("128") int maxConcurrent) {
	}

	/**
	 * @param maxRequests how many {@code GET /orders/{id}?wait=} may wait at once; one
	 * more answers 429
	 */
	record Waiting(@DefaultValue("1000") int maxRequests) {
	}

}
