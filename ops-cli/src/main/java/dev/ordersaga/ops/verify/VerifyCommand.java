package dev.ordersaga.ops.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.token.ApiToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sagactl verify}: checks the books across the services. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = {
				"Reads every service's API and checks that orders, stock, money, notifications and analytics agree.",
				"Run it on a quiet system: events still in flight show up as violations.",
				"Exits 0 when the books balance, 1 on any violation or when a service cannot be read." },
		footer = { "", "Example:", "  ./sagactl verify",
				"  ./sagactl verify --deadline 30s --orders http://orders.internal:8080" })
public final class VerifyCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--deadline", defaultValue = "30s",
			description = "the saga's deadline (saga.order.deadline); default ${DEFAULT-VALUE}")
	private String deadline;

	@Option(names = "--grace", defaultValue = "10s",
			description = "extra time an order may take past the deadline; default ${DEFAULT-VALUE}")
	private String grace;

	@Option(names = "--orders", defaultValue = "http://localhost:8080", description = "order-service URL")
	private String orders;

	@Option(names = "--inventory", defaultValue = "http://localhost:8081", description = "inventory-service URL")
	private String inventory;

	@Option(names = "--payment", defaultValue = "http://localhost:8082", description = "payment-service URL")
	private String payment;

	@Option(names = "--notification", defaultValue = "http://localhost:8083", description = "notification-service URL")
	private String notification;

	@Option(names = "--analytics", defaultValue = "http://localhost:8084", description = "analytics-service URL")
	private String analytics;

	@Mixin
	private ApiToken token;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Duration allowed = Durations.parse("--deadline", this.deadline).plus(Durations.parse("--grace", this.grace));
		Books books;
		try {
			books = new ServiceApis(
					new ServiceApis.Urls(this.orders, this.inventory, this.payment, this.notification, this.analytics),
					this.token.resolve())
				.read();
		}
		catch (ServiceCallFailed ex) {
			err.println("verify: " + ex.getMessage());
			return 1;
		}
		out.printf("read %d orders, %d products, %d accounts, %d payments, %d notifications%n", books.orders().size(),
				books.products().size(), books.accounts().size(), books.payments().size(),
				books.notifications().size());
		List<BooksCheck.Result> results = new BooksCheck(books, Instant.now(), allowed).run();
		int violations = 0;
		for (BooksCheck.Result result : results) {
			out.printf("%s %s (%d checked)%n", result.passed() ? "ok  " : "FAIL", result.name(), result.checked());
			for (String violation : result.violations()) {
				out.println("     - " + violation);
			}
			violations += result.violations().size();
		}
		out.println((violations == 0) ? "the books balance" : violations + " violation(s)");
		return (violations == 0) ? 0 : 1;
	}

}
