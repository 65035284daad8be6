package dev.ordersaga.ops.load;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.token.ApiToken;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every mode of {@code sagactl load} shares, checked before anything runs.
 */
final class LoadOptions {

	/** The checked options, and the bearer token for the APIs (none when null). */
	record Settings(SagaApis.Urls urls, @Nullable String token, KafkaOptions kafka, OrderMix mix, int warmup,
			Duration timeout, boolean json, @Nullable Integer yardstick, boolean progress) {

		/** Every value but the token, for the report. */
		Map<String, @Nullable Object> values() {
			Map<String, @Nullable Object> values = new LinkedHashMap<>();
			values.put("skus", this.mix.skus());
			values.put("customers", this.mix.customers());
			values.put("lines", this.mix.lines());
			values.put("warmup", this.warmup);
			values.put("timeoutSeconds", this.timeout.toMillis() / 1000.0);
			values.put("yardstickRecords", this.yardstick);
			values.put("ordersUrl", this.urls.orders());
			values.put("inventoryUrl", this.urls.inventory());
			values.put("paymentUrl", this.urls.payment());
			values.put("managementUrls",
					List.of(this.urls.management().orders(), this.urls.management().inventory(),
							this.urls.management().payment(), this.urls.management().notification(),
							this.urls.management().analytics()));
			return values;
		}

	}

	static final int MOST_SKUS = 10_000;

	static final int MOST_CUSTOMERS = 10_000;

	/** The most lines order-service takes in one order. */
	static final int MOST_LINES = 100;

	@Mixin
	private KafkaOptions kafka;

	@Mixin
	private ApiToken token;

	@Option(names = "--orders-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
			description = "order-service; default ${DEFAULT-VALUE}")
	private String orders;

	@Option(names = "--inventory", paramLabel = "URL", defaultValue = "http://localhost:8081",
			description = "inventory-service (products are set up there); default ${DEFAULT-VALUE}")
	private String inventory;

	@Option(names = "--payment", paramLabel = "URL", defaultValue = "http://localhost:8082",
			description = "payment-service (accounts are set up there); default ${DEFAULT-VALUE}")
	private String payment;

	@Option(names = "--orders-management", paramLabel = "URL", defaultValue = "http://127.0.0.1:9080",
			description = "order-service's actuator (metrics); default ${DEFAULT-VALUE}")
	private String ordersManagement;

	@Option(names = "--inventory-management", paramLabel = "URL", defaultValue = "http://127.0.0.1:9081",
			description = "inventory-service's actuator; default ${DEFAULT-VALUE}")
	private String inventoryManagement;

	@Option(names = "--payment-management", paramLabel = "URL", defaultValue = "http://127.0.0.1:9082",
			description = "payment-service's actuator; default ${DEFAULT-VALUE}")
	private String paymentManagement;

	@Option(names = "--notification-management", paramLabel = "URL", defaultValue = "http://127.0.0.1:9083",
			description = "notification-service's actuator; default ${DEFAULT-VALUE}")
	private String notificationManagement;

	@Option(names = "--analytics-management", paramLabel = "URL", defaultValue = "http://127.0.0.1:9084",
			description = "analytics-service's actuator; default ${DEFAULT-VALUE}")
	private String analyticsManagement;

	@Option(names = "--skus", paramLabel = "N", defaultValue = "100",
			description = "products LOAD-1..LOAD-N to spread the orders over, (re)stocked before the run; "
					+ "default ${DEFAULT-VALUE}")
	private int skus;

	@Option(names = "--customers", paramLabel = "N", defaultValue = "100",
			description = "customers load-1..load-N placing the orders, their accounts (re)filled before the run; "
					+ "default ${DEFAULT-VALUE}")
	private int customers;

	@Option(names = "--lines", paramLabel = "N", defaultValue = "1",
			description = "lines per order, each one unit of a different product; default ${DEFAULT-VALUE}")
	private int lines;

	@Option(names = "--warmup", paramLabel = "N", defaultValue = "0",
			description = "orders placed first, the same way, and left out of the report; default ${DEFAULT-VALUE}")
	private int warmup;

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
			description = "how long after the last POST to wait for decisions before counting the rest as missing; "
					+ "also the longest a POST may take; default ${DEFAULT-VALUE}")
	private String timeout;

	@Option(names = "--json", description = "print the report as one JSON object on stdout (progress stays on stderr)")
	private boolean json;

	@Option(names = "--yardstick", arity = "0..1", paramLabel = "RECORDS", fallbackValue = "200000",
			description = "after the load, measure the broker alone: RECORDS records of 300 bytes (200000 when "
					+ "no number is given), acks=all, idempotent, linger.ms=5, to a scratch topic of 6 partitions "
					+ "that is deleted afterwards; the report then compares the run with it")
	private @Nullable Integer yardstick;

	@Option(names = "--no-progress", description = "no progress line and no other chatter on stderr")
	private boolean noProgress;

	/** The options, checked; a usage error naming the option otherwise. */
	Settings settings() {
		SagaApis.Management management = new SagaApis.Management(url("--orders-management", this.ordersManagement),
				url("--inventory-management", this.inventoryManagement),
				url("--payment-management", this.paymentManagement),
				url("--notification-management", this.notificationManagement),
				url("--analytics-management", this.analyticsManagement));
		SagaApis.Urls urls = new SagaApis.Urls(url("--orders-url", this.orders), url("--inventory", this.inventory),
				url("--payment", this.payment), management);
		requireBetween("--skus", this.skus, 1, MOST_SKUS);
		requireBetween("--customers", this.customers, 1, MOST_CUSTOMERS);
		requireBetween("--lines", this.lines, 1, MOST_LINES);
		if (this.lines > this.skus) {
			throw new IllegalArgumentException("--lines (" + this.lines + ") cannot exceed --skus (" + this.skus
					+ "): the lines of an order are different products");
		}
		requireBetween("--warmup", this.warmup, 0, Mode.MOST_ORDERS);
		Duration timeout = Durations.parse("--timeout", this.timeout);
		if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("--timeout must be at least 1s");
		}
		if (this.yardstick != null) {
			requireBetween("--yardstick", this.yardstick, 1, 100_000_000);
		}
		return new Settings(urls, this.token.resolve(), this.kafka, new OrderMix(this.skus, this.customers, this.lines),
				this.warmup, timeout, this.json, this.yardstick, !this.noProgress);
	}

	private static void requireBetween(String option, int value, int least, int most) {
		if (value < least || value > most) {
			throw new IllegalArgumentException(
					option + " must be between " + least + " and " + most + ", not " + value);
		}
	}

	private static String url(String option, String text) {
		String url = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		try {
			URI uri = URI.create(url);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return url;
			}
		}
		catch (IllegalArgumentException ex) {
			// the same message as below
		}
		throw new IllegalArgumentException(option + ": '" + text + "' is not a URL such as http://localhost:8080");
	}

}
