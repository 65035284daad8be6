package dev.ordersaga.ops.load;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import dev.ordersaga.client.ServiceCallFailed;
import org.jspecify.annotations.Nullable;

/**
 * Places orders the way each mode asks: a burst with a fixed number in flight, an open
 * loop at a fixed rate, or one at a time; then waits for their decisions.
 */
final class Placing {

	/**
	 * How long a shed order's place in a burst stays empty when the answer has no
	 * {@code Retry-After}, and at most when it has one: a burst keeps knocking, but not
	 * in a tight loop.
	 */
	static final Duration SHED_PAUSE = Duration.ofMillis(100);

	static final Duration LONGEST_SHED_PAUSE = Duration.ofSeconds(1);

	/** One {@code GET /orders/{id}?wait=} waits at most this long. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Runnable NO_SLOT = () -> {
	};

	private final SagaApis apis;

	private final Tracking tracking;

	private final OrderMix mix;

	private final Duration timeout;

	Placing(SagaApis apis, Tracking tracking, OrderMix mix, Duration timeout) {
		this.apis = apis;
		this.tracking = tracking;
		this.mix = mix;
		this.timeout = timeout;
	}

	/**
	 * Closed loop: an order holds one of {@code inFlight} places from its POST until its
	 * decision is read (or it is shed, fails, or goes without a decision for the
	 * timeout).
	 */
	void burst(Phase phase, int orders, int inFlight) throws InterruptedException {
		Semaphore places = new Semaphore(inFlight);
		List<CompletableFuture<?>> posts = new ArrayList<>(orders);
		for (int i = 0; i < orders; i++) {
			places.acquire();
			posts.add(post(phase, System.nanoTime(), once(places::release), true));
		}
		awaitAnswers(posts);
	}

	/**
	 * Open loop: order {@code i} is due {@code i / perSecond} seconds after the start and
	 * is sent then, however many are still undecided; when this client falls behind, the
	 * phase counts the late sends and latencies still count from the due times.
	 */
	void rate(Phase phase, int orders, int perSecond) {
		List<CompletableFuture<?>> posts = new ArrayList<>(orders);
		long start = System.nanoTime();
		for (int i = 0; i < orders; i++) {
			long due = start + Math.round(i * 1e9 / perSecond);
			long early;
			while ((early = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(early);
			}
			phase.sentLate(System.nanoTime() - due);
			posts.add(post(phase, due, NO_SLOT, false));
		}
		awaitAnswers(posts);
	}

	/**
	 * One order at a time: POST, then {@code GET /orders/{id}?wait=} until the order is
	 * decided, then the next.
	 */
	void serial(Phase phase, int orders) {
		for (int i = 0; i < orders; i++) {
			TrackedOrder order = post(phase, System.nanoTime(), NO_SLOT, false).join();
			if (order != null) {
				awaitStatus(phase, order);
			}
		}
	}

	/**
	 * Waits until every accepted order is decided, or until the timeout has passed since
	 * the last POST.
	 */
	void awaitDecisions(Phase phase) throws InterruptedException {
		long deadline = phase.lastSentNanos() + this.timeout.toNanos();
		while (phase.counts().inFlight() > 0 && System.nanoTime() - deadline < 0) {
			Thread.sleep(20);
		}
	}

	private CompletableFuture<@Nullable TrackedOrder> post(Phase phase, long dueNanos, Runnable freePlace,
			boolean pauseWhenShed) {
		OrderMix.PlaceOrder order = this.mix.order(phase.nextOrder());
		long sent = System.nanoTime();
		phase.sent(sent);
		return this.apis.place(order, this.timeout).handle((response, failure) -> {
			phase.answered(sent, System.nanoTime());
			if (failure != null) {
				phase.failed(this.apis.describe(unwrapped(failure)));
				freePlace.run();
				return null;
			}
			return switch (response.statusCode()) {
				case 201 -> accepted(phase, response, dueNanos, freePlace);
				case 429 -> {
					phase.shed();
					if (pauseWhenShed) {
						CompletableFuture.delayedExecutor(pause(response).toMillis(), TimeUnit.MILLISECONDS)
							.execute(freePlace);
					}
					else {
						freePlace.run();
					}
					yield null;
				}
				default -> {
					phase.failed("POST /orders answered " + this.apis.describe(response));
					freePlace.run();
					yield null;
				}
			};
		});
	}

	private @Nullable TrackedOrder accepted(Phase phase, HttpResponse<String> response, long dueNanos,
			Runnable freePlace) {
		String id = this.apis.orderId(response);
		if (id == null) {
			phase.failed("POST /orders answered 201 without an order id");
			freePlace.run();
			return null;
		}
		TrackedOrder order = new TrackedOrder(id, phase, dueNanos, freePlace);
		phase.accepted(order);
		this.tracking.accepted(order);
		return order;
	}

	private void awaitStatus(Phase phase, TrackedOrder order) {
		long deadline = order.dueNanos() + this.timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return;
			}
			try {
				Duration wait = Duration.ofSeconds(Math.clamp(Duration.ofNanos(left).toSeconds(), 1, WAIT.toSeconds()));
				String status = this.apis.status(order.id(), wait);
				if (status != null && Outcome.Status.ofName(status).isPresent()) {
					phase.waited(order.dueNanos(), System.nanoTime());
					order.statusSeen(status);
					return;
				}
			}
			catch (ServiceCallFailed ex) {
				// one kind of error for every order it happens to
				phase.failed(String.valueOf(ex.getMessage()).replace(order.id(), "{id}"));
				return;
			}
		}
	}

	/** {@code Retry-After} in seconds, within bounds; {@link #SHED_PAUSE} without one. */
	static Duration pause(HttpResponse<?> response) {
		String retryAfter = response.headers().firstValue("Retry-After").orElse("");
		try {
			Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
			return (asked.compareTo(LONGEST_SHED_PAUSE) > 0) ? LONGEST_SHED_PAUSE : asked;
		}
		catch (NumberFormatException ex) {
			return SHED_PAUSE;
		}
	}

	/** What went wrong, without the future's wrapper around it. */
	private static Throwable unwrapped(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	private static void awaitAnswers(List<CompletableFuture<?>> posts) {
		CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
	}

	private static Runnable once(Runnable action) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				action.run();
			}
		};
	}

}
