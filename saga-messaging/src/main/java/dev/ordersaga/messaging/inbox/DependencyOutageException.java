package dev.ordersaga.messaging.inbox;

/**
 * A record failed because a dependency (PostgreSQL, Redis) was unreachable, not because
 * of the record: it is retried until the dependency is back, never dead-lettered, and the
 * attempt is not counted against it.
 */
class DependencyOutageException extends RuntimeException {

	DependencyOutageException(String message, Throwable cause) {
		super(message, cause);
	}

}
