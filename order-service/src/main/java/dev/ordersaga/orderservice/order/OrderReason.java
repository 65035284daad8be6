package dev.ordersaga.orderservice.order;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.RejectionReason;

/**
 * Why an order ended as it did: the reason of its rejection or of its cancellation, as
 * the saga's events name it. Stored and shown as that name, so the API and the database
 * keep the text they always had, and a reason added to the events needs nothing here.
 */
sealed interface OrderReason {

	/** The reason's name, as in the events, the API and the database. */
	String name();

	static OrderReason of(RejectionReason reason) {
		return new Rejected(reason);
	}

	static OrderReason of(CancellationReason reason) {
		return new Cancelled(reason);
	}

	/** The reason with this name; throws {@link IllegalArgumentException} for none. */
	static OrderReason named(String name) {
		for (RejectionReason reason : RejectionReason.values()) {
			if (reason.name().equals(name)) {
				return of(reason);
			}
		}
		return of(CancellationReason.valueOf(name));
	}

	record Rejected(RejectionReason reason) implements OrderReason {

		@Override
		public String name() {
			return this.reason.name();
		}

	}

	record Cancelled(CancellationReason reason) implements OrderReason {

		@Override
		public String name() {
			return this.reason.name();
		}

	}

}
