package dev.ordersaga.events;

/**
 * The names of the saga's services: each is the service's
 * {@code spring.application.name}, its consumer group and the {@code ce_source} of the
 * events it publishes.
 */
public final class Services {

	public static final String ORDER = "order-service";

	public static final String INVENTORY = "inventory-service";

	public static final String PAYMENT = "payment-service";

	public static final String NOTIFICATION = "notification-service";

	public static final String ANALYTICS = "analytics-service";

	private Services() {
	}

}
