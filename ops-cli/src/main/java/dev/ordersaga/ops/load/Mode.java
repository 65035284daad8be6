package dev.ordersaga.ops.load;

import java.time.Duration;

/** How a run places its orders; each mode checks its own options. */
sealed interface Mode {

	/**
	 * The most orders one run tracks (this client keeps each one until the report, in a
	 * small heap).
	 */
	int MOST_ORDERS = 500_000;

	String name();

	/** How many orders the mode places. */
	int orders();

	/** The run's shape in words, e.g. {@code 5000 orders, 64 in flight}. */
	String shape();

	/**
	 * {@code orders} orders, {@code inFlight} at a time: the next is placed when one is
	 * decided.
	 */
	record Burst(int orders, int inFlight) implements Mode {

		public Burst {
			requireOrders("--orders", orders);
			if (inFlight < 1 || inFlight > 10_000) {
				throw new IllegalArgumentException("--in-flight must be between 1 and 10000, not " + inFlight);
			}
		}

		@Override
		public String name() {
			return "burst";
		}

		@Override
		public String shape() {
			return this.orders + " orders, " + this.inFlight + " in flight";
		}

	}

	/**
	 * {@code perSecond} orders a second for {@code duration}, sent on schedule whatever
	 * happens to them (open loop).
	 */
	record Rate(int perSecond, Duration duration) implements Mode {

		public Rate {
			if (perSecond < 1 || perSecond > 100_000) {
				throw new IllegalArgumentException("--rate must be between 1 and 100000 orders/s, not " + perSecond);
			}
			if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException("--duration must be at least 1s");
			}
			long orders = Math.round(perSecond * (duration.toNanos() / 1e9));
			if (orders > MOST_ORDERS) {
				throw new IllegalArgumentException("--rate times --duration comes to " + orders
						+ " orders; one run places at most " + MOST_ORDERS);
			}
		}

		@Override
		public String name() {
			return "rate";
		}

		@Override
		public int orders() {
			return (int) Math.round(this.perSecond * (this.duration.toNanos() / 1e9));
		}

		@Override
		public String shape() {
			return this.perSecond + " orders/s for " + this.duration.toMillis() / 1000.0 + " s (" + orders()
					+ " orders), open loop";
		}

	}

	/** {@code orders} orders, one at a time: POST, then wait for the decision. */
	record Serial(int orders) implements Mode {

		public Serial {
			requireOrders("--orders", orders);
		}

		@Override
		public String name() {
			return "serial";
		}

		@Override
		public String shape() {
			return this.orders + " orders one at a time";
		}

	}

	private static void requireOrders(String option, int orders) {
		if (orders < 1 || orders > MOST_ORDERS) {
			throw new IllegalArgumentException(option + " must be between 1 and " + MOST_ORDERS + ", not " + orders);
		}
	}

}
