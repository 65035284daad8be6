package dev.ordersaga.ops.load;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.ops.CommandFailed;
import dev.ordersaga.ops.kafka.KafkaAccess;
import org.jspecify.annotations.Nullable;

/**
 * One {@code sagactl load} run: checks that the services and the decision topics are
 * there, starts reading decisions, sets up the load's products and accounts, warms up,
 * places the measured orders while showing progress, waits for their decisions, reads the
 * services' CPU and memory around it, measures the broker alone when asked, and reports.
 */
final class LoadRun {

	/** Stock of each load product: more than any run can order, set again every run. */
	static final int ON_HAND = 100_000_000;

	/** Balance of each load customer: more than any run can spend at 1.00 a unit. */
	static final BigDecimal BALANCE = new BigDecimal("1000000000.00");

	private static final BigDecimal UNIT_PRICE = new BigDecimal("1.00");

	private static final String CURRENCY = "EUR";

	/** Set-up requests at a time. */
	private static final int SETUP_REQUESTS = 4;

	private final LoadOptions.Settings settings;

	private final Mode mode;

	private final PrintWriter out;

	private final PrintWriter err;

	private final Progress progress;

	LoadRun(LoadOptions.Settings settings, Mode mode, PrintWriter out, PrintWriter err) {
		this.settings = settings;
		this.mode = mode;
		this.out = out;
		this.err = err;
		this.progress = new Progress(err, settings.progress());
	}

	/** 0 when every accepted order was decided and nothing failed, 1 otherwise. */
	int execute() {
		SagaApis apis = new SagaApis(this.settings.urls(), this.settings.token());
		apis.requireReachable();
		Tracking tracking = new Tracking();
		try (KafkaAccess access = this.settings.kafka().connect()) {
			requireDecisionTopics(access);
			try (DecisionReader decisions = new DecisionReader(access, tracking)) {
				decisions.start();
				setUp(apis);
				Placing placing = new Placing(apis, tracking, this.settings.mix(), this.settings.timeout());
				ScheduledExecutorService ticker = Executors
					.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sagactl-progress").factory());
				try {
					if (this.settings.warmup() > 0) {
						Phase warmUp = new Phase();
						place(placing, ticker, warmUp, "warm-up", this.settings.warmup());
						Phase.Counts counts = warmUp.counts();
						this.progress.say(String.format("warm-up: %d posted, %d decided, %d missing (not counted)",
								counts.posted(), counts.decided(), counts.accepted() - counts.decided()));
					}
					ResourceSample before = ResourceSample.take(apis);
					Phase phase = new Phase();
					place(placing, ticker, phase, this.mode.name(), this.mode.orders());
					tracking.stop();
					ResourceSample after = ResourceSample.take(apis);
					List<String> problems = new ArrayList<>();
					if (decisions.failure() != null) {
						problems.add(decisions.failure());
					}
					Yardstick.Result yardstick = null;
					String yardstickFailure = null;
					if (this.settings.yardstick() != null) {
						try {
							yardstick = yardstick(access, this.settings.yardstick());
						}
						catch (CommandFailed ex) {
							yardstickFailure = ex.getMessage();
						}
					}
					return report(phase, before, after, yardstick, yardstickFailure, access.bootstrap(), problems);
				}
				finally {
					ticker.shutdownNow();
				}
			}
		}
	}

	private void requireDecisionTopics(KafkaAccess access) {
		Set<String> topics = access.topicNames();
		for (Outcome.Status status : Outcome.Status.values()) {
			if (!topics.contains(status.topic())) {
				throw new CommandFailed("topic " + status.topic() + " does not exist at " + access.bootstrap()
						+ ": is the saga running there? (./stack up creates the topics; --bootstrap)");
			}
		}
	}

	/** Stocks the products and fills the accounts, a few requests at a time. */
	private void setUp(SagaApis apis) {
		OrderMix mix = this.settings.mix();
		this.progress.say("setting up " + mix.skus() + " products and " + mix.customers() + " accounts");
		List<Callable<@Nullable Void>> puts = new ArrayList<>();
		for (String sku : mix.skuNames()) {
			puts.add(() -> {
				apis.putProduct(sku,
						new SagaApis.ProductRequest("Load test product " + sku, UNIT_PRICE, CURRENCY, ON_HAND));
				return null;
			});
		}
		for (String customer : mix.customerIds()) {
			puts.add(() -> {
				apis.putAccount(customer, new SagaApis.AccountRequest(BALANCE, CURRENCY));
				return null;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(SETUP_REQUESTS,
				Thread.ofPlatform().daemon().name("sagactl-setup").factory());
		try {
			for (Future<@Nullable Void> put : pool.invokeAll(puts)) {
				put.get();
			}
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException failure) ? failure
					: new CommandFailed("setting up the load's data failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void place(Placing placing, ScheduledExecutorService ticker, Phase phase, String name, int orders) {
		ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> {
			phase.markOverdue(System.nanoTime(), this.settings.timeout());
			this.progress.tick(name, phase, orders);
		}, 1, 1, TimeUnit.SECONDS);
		try {
			switch (this.mode) {
				case Mode.Burst burst -> placing.burst(phase, orders, burst.inFlight());
				case Mode.Rate rate -> placing.rate(phase, orders, rate.perSecond());
				case Mode.Serial serial -> placing.serial(phase, orders);
			}
			placing.awaitDecisions(phase);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
		finally {
			ticks.cancel(false);
			this.progress.done();
		}
	}

	private Yardstick.Result yardstick(KafkaAccess access, int records) {
		this.progress.say("yardstick: " + records + " records of " + Yardstick.RECORD_BYTES + " bytes to the broker");
		return Yardstick.run(access, records);
	}

	private int report(Phase phase, ResourceSample before, ResourceSample after, Yardstick.@Nullable Result yardstick,
			@Nullable String yardstickFailure, String bootstrap, List<String> otherProblems) {
		if (this.mode instanceof Mode.Serial) {
			compareStatusesSeen(phase);
		}
		List<String> missing = phase.acceptedOrders()
			.stream()
			.filter((order) -> !order.isDecided())
			.map(TrackedOrder::id)
			.toList();
		Phase.Counts counts = phase.counts();
		LoadReport.Orders orders = new LoadReport.Orders(counts.posted(), counts.accepted(), counts.shed(),
				counts.errors(), counts.accepted() - missing.size(), missing.size(), phase.duplicates());
		List<String> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add(missing.size() + " accepted orders had no decision on "
					+ String.join(" / ", Outcome.Status.topicNames()) + " within " + this.settings.timeout().toSeconds()
					+ " s of the last POST (e.g. " + missing.get(0) + "; see ./sagactl read order.created --key ID)");
		}
		if (counts.errors() > 0) {
			problems.add(counts.errors() + " errors: " + String.join(", ", phase.errorsByKind().keySet()));
		}
		problems.addAll(otherProblems);
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.putAll(modeValues());
		values.putAll(this.settings.values());
		values.put("bootstrap", bootstrap);
		LoadReport report = new LoadReport(new LoadReport.Settings(this.mode.name(), shape(), values), orders,
				phase.outcomes(), phase.errorsByKind(), missing.stream().limit(LoadReport.MISSING_NAMED).toList(),
				phase.elapsed(), phase.decisionLatency(), phase.postLatency(),
				(this.mode instanceof Mode.Serial) ? phase.waitLatency() : null, schedule(phase),
				LoadReport.Resources.between(before, after, orders.decided()), yardstick, yardstickFailure, problems);
		this.out.print(
				this.settings.json() ? ReportJson.render(report) + System.lineSeparator() : ReportText.render(report));
		this.out.flush();
		if (yardstickFailure != null) {
			// not the saga's failure: the exit code stays the orders' own
			this.err.println("sagactl: no yardstick in this report: " + yardstickFailure);
			this.err.flush();
		}
		if (!report.passed()) {
			this.err.println("sagactl: load " + this.mode.name() + " failed: " + String.join("; ", problems));
			this.err.flush();
			return 1;
		}
		return 0;
	}

	/** One at a time, the order's status as GET answered it must be what Kafka said. */
	private static void compareStatusesSeen(Phase phase) {
		for (TrackedOrder order : phase.acceptedOrders()) {
			Outcome outcome = order.outcome();
			String seen = order.statusSeen();
			if (outcome != null && seen != null && !seen.equals(outcome.status().name())) {
				phase.failed("GET /orders/{id}?wait= answered " + seen + " but Kafka says " + outcome.label());
			}
		}
	}

	private LoadReport.@Nullable Schedule schedule(Phase phase) {
		return (this.mode instanceof Mode.Rate rate)
				? new LoadReport.Schedule(rate.perSecond(), phase.late(), phase.mostLate()) : null;
	}

	private String shape() {
		OrderMix mix = this.settings.mix();
		return this.mode.shape() + "; " + mix.skus() + " products, " + mix.customers() + " customers, " + mix.lines()
				+ ((mix.lines() == 1) ? " line" : " lines") + " an order"
				+ ((this.settings.warmup() > 0) ? "; after " + this.settings.warmup() + " warm-up orders" : "")
				+ "; timeout " + this.settings.timeout().toSeconds() + " s";
	}

	private Map<String, Object> modeValues() {
		Map<String, Object> values = new LinkedHashMap<>();
		switch (this.mode) {
			case Mode.Burst burst -> {
				values.put("orders", burst.orders());
				values.put("inFlight", burst.inFlight());
			}
			case Mode.Rate rate -> {
				values.put("rate", rate.perSecond());
				values.put("durationSeconds", rate.duration().toMillis() / 1000.0);
				values.put("orders", rate.orders());
			}
			case Mode.Serial serial -> values.put("orders", serial.orders());
		}
		return values;
	}

}
