package dev.ordersaga.events.control;

/**
 * The record types on the control topic ({@code Topics.CONTROL}). Records are keyed by
 * consumer group and carry their type in the {@code ce_type} header; the topic has one
 * partition so that everyone reads them in one order.
 */
public final class ControlTopic {

	/** {@link ReplayRequested}: the running consumers of a group are asked to seek. */
	public static final String REPLAY_REQUESTED = "replay.requested";

	/** {@link ReplaySeeked}: one instance seeked the partitions it owns. */
	public static final String REPLAY_SEEKED = "replay.seeked";

	/**
	 * {@link ReplayRequested}: the committed offsets of a stopped group were rewritten;
	 * nobody answers this one, it is there for the record.
	 */
	public static final String REPLAY_COMMITTED = "replay.committed";

	private ControlTopic() {
	}

}
