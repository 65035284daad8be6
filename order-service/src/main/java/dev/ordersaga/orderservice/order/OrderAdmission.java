package dev.ordersaga.orderservice.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Refuses new orders at the door while the saga is too far behind to decide them before
 * their deadline, rather than accepting them and rejecting them with TIMEOUT later. The
 * backlog (how many orders are undecided, and how long the oldest has waited) is measured
 * in the database every {@code saga.order.admission.sample-interval}, so it counts the
 * orders of every instance and costs a request nothing. It also bounds how many orders
 * this instance places at once: beyond {@code saga.order.admission.max-concurrent}, a
 * request is refused at once instead of queueing for a database connection, where
 * thousands of waiting requests (each on a virtual thread of its own) filled the heap
 * when twice the rate the saga can take was offered.
 */
@Component
class OrderAdmission implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OrderAdmission.class);

	private final JdbcTemplate jdbc;

	private final OrderSettings settings;

	private final Clock clock;

	private final Counter shed;

	private final Semaphore placing;

	private volatile Backlog backlog = Backlog.NONE;

	OrderAdmission(JdbcTemplate jdbc, OrderSettings settings, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.placing = new Semaphore(settings.admission().maxConcurrent());
		this.shed = Counter.builder("saga.orders.shed")
			.description("New orders refused with 429: the saga too far behind, or too many being placed at once")
			.register(meters);
		Gauge.builder("saga.orders.undecided", this, (admission) -> admission.backlog.undecided())
			.description("Orders not decided yet, as last measured")
			.register(meters);
		Gauge
			.builder("saga.orders.oldest.wait", this, (admission) -> admission.backlog.oldestWait().toMillis() / 1000.0)
			.description("How long the oldest undecided order has waited, as last measured")
			.baseUnit("seconds")
			.register(meters);
	}

	/** How far behind the saga is. */
	record Backlog(long undecided, Duration oldestWait) {

		static final Backlog NONE = new Backlog(0, Duration.ZERO);

	}

	/**
	 * Takes a place among the orders being placed right now; {@link #leave()} gives it
	 * back.
	 * @throws OrdersOverloadedException when {@code max-concurrent} orders are being
	 * placed
	 */
	void enter() {
		if (!this.placing.tryAcquire()) {
			throw tooManyAtOnce();
		}
	}

	/**
	 * The refusal {@link PlacingOrder#place} would give this request, answered before its
	 * body is read: while {@code max-concurrent} orders are being placed, and, for a
	 * request without an idempotency key (one with a key may repeat an order placed
	 * before, which is answered whatever the backlog), while the backlog refuses new
	 * orders. Takes no place: {@link #enter()} still decides.
	 * @throws OrdersOverloadedException when the request would be refused
	 */
	void screen(boolean withIdempotencyKey) {
		if (this.placing.availablePermits() == 0) {
			throw tooManyAtOnce();
		}
		if (!withIdempotencyKey) {
			admit();
		}
	}

	private OrdersOverloadedException tooManyAtOnce() {
		return refused("Too many orders being placed at once (the limit is " + this.settings.admission().maxConcurrent()
				+ "); try again later");
	}

	/** Gives back the place {@link #enter()} took. */
	void leave() {
		this.placing.release();
	}

	/** Throws {@link OrdersOverloadedException} when a new order should be refused. */
	void admit() {
		String refusal = refusal(this.backlog, this.settings.admission());
		if (refusal != null) {
			throw refused("Too many orders in progress (" + refusal + "); try again later");
		}
	}

	/** Counts a refused order and says why, with when to come back. */
	private OrdersOverloadedException refused(String message) {
		this.shed.increment();
		return new OrdersOverloadedException(message, this.settings.admission().retryAfter());
	}

	/** Why the backlog refuses new orders, or {@code null} when it admits them. */
	static @Nullable String refusal(Backlog backlog, OrderSettings.Admission limits) {
		if (backlog.undecided() > limits.maxUndecided()) {
			return backlog.undecided() + " undecided, the limit is " + limits.maxUndecided();
		}
		if (backlog.oldestWait().compareTo(limits.maxOldestWait()) > 0) {
			return "the oldest undecided order has waited " + backlog.oldestWait().toMillis() + " ms, the limit is "
					+ limits.maxOldestWait().toMillis() + " ms";
		}
		return null;
	}

	/** Measures the backlog every {@code saga.order.admission.sample-interval}. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::measure, this.settings.admission().sampleInterval());
	}

	void measure() {
		try {
			this.backlog = this.jdbc.queryForObject(
					"select count(*), min(deadline_at) from orders where status in ('PENDING', 'RESERVED')",
					(row, rowNum) -> backlog(row.getLong(1), row.getTimestamp(2)));
		}
		catch (RuntimeException ex) {
			// the database is away: placing an order fails anyway, and the last figure
			// stands
			log.debug("Cannot measure the order backlog: {}", ex.toString());
		}
	}

	private Backlog backlog(long undecided, @Nullable Timestamp earliestDeadline) {
		if (undecided == 0 || earliestDeadline == null) {
			return Backlog.NONE;
		}
		Instant placedAt = earliestDeadline.toInstant().minus(this.settings.deadline());
		Duration waited = Duration.between(placedAt, this.clock.instant());
		return new Backlog(undecided, waited.isNegative() ? Duration.ZERO : waited);
	}

}
