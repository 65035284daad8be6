package dev.ordersaga.analyticsservice.rebuild;

/**
 * A rebuild that would not give the figures back, refused before anything was cleared:
 * another instance is consuming, or retention already deleted order events.
 */
public class RebuildRefusedException extends RuntimeException {

	RebuildRefusedException(String message) {
		super(message);
	}

}
