package dev.ordersaga.messaging.kafka;

/**
 * A record that can never be processed: bytes that are not JSON, a missing header or
 * required field, an unknown event type. It goes to the dead-letter topic at once.
 */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message) {
		super(message);
	}

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
