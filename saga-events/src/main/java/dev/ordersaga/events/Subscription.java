package dev.ordersaga.events;

import java.util.List;

/**
 * A consumer group and the topics it reads, for the groups that something outside their
 * service needs to know: the service subscribes with it, and operators' tools act on the
 * same group and topics.
 *
 * @param group the consumer group, which is the service's name
 * @param topics the topics the group reads
 */
public record Subscription(String group, List<String> topics) {

	/**
	 * analytics-service: every order event, which is all its figures are made of; a
	 * rebuild replays exactly these.
	 */
	public static final Subscription ANALYTICS = new Subscription(Services.ANALYTICS,
			List.of(Topics.ORDER_CREATED, Topics.ORDER_CONFIRMED, Topics.ORDER_REJECTED, Topics.ORDER_CANCELLED));

	public Subscription {
		Require.text(group, "group");
		topics = Require.nonEmpty(topics, "topics");
	}

}
