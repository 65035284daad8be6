package dev.ordersaga.messaging;

import java.time.Duration;

/**
 * Waiting a while on the current thread, for the waits a {@code BackOff} or a fault
 * setting prescribes. An interrupt ends the wait early and stays set, so the caller's
 * loop sees it.
 */
public final class Sleep {

	private Sleep() {
	}

	/** Sleeps; returns false when interrupted. */
	public static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
