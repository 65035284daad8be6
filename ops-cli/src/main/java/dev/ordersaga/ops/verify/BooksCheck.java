package dev.ordersaga.ops.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ordersaga.ops.verify.Books.NotificationKind;
import dev.ordersaga.ops.verify.Books.PaymentState;
import dev.ordersaga.ops.verify.Books.OrderStatus;

/**
 * The invariants of the saga, checked on a quiet system. Each check names what it looked
 * at and lists every violation, one line each.
 */
final class BooksCheck {

	/** One check: what it covered and what it found wrong. */
	record Result(String name, int checked, List<String> violations) {

		boolean passed() {
			return this.violations.isEmpty();
		}

	}

	private final Books books;

	private final Instant now;

	private final Duration deadline;

	BooksCheck(Books books, Instant now, Duration deadline) {
		this.books = books;
		this.now = now;
		this.deadline = deadline;
	}

	List<Result> run() {
		return List.of(ordersPastTheirDeadlineAreDecided(), stockMatchesTheOrders(), moneyMatchesTheOrders(),
				everyOutcomeIsNotifiedOnce(), analyticsCountsTheOrders());
	}

	Result ordersPastTheirDeadlineAreDecided() {
		Instant cutoff = this.now.minus(this.deadline);
		List<String> violations = new ArrayList<>();
		int checked = 0;
		for (Books.Order order : this.books.orders()) {
			if (order.createdAt().isBefore(cutoff)) {
				checked++;
				if (!order.status().isDecided()) {
					violations.add("order " + order.orderId() + " is " + order.status() + " "
							+ Duration.between(order.createdAt(), this.now).toSeconds() + "s after it was placed");
				}
			}
		}
		return new Result("orders older than the deadline (" + this.deadline.toSeconds() + "s) are decided", checked,
				violations);
	}

	Result stockMatchesTheOrders() {
		Map<String, Integer> confirmedUnits = units(this.books.orders(), (status) -> status == OrderStatus.CONFIRMED);
		Map<String, Integer> heldUnits = units(this.books.orders(), (status) -> !status.isDecided());
		List<String> violations = new ArrayList<>();
		for (Books.Product product : this.books.products()) {
			String sku = product.sku();
			int confirmed = confirmedUnits.getOrDefault(sku, 0);
			int held = heldUnits.getOrDefault(sku, 0);
			if (product.shipped() != confirmed) {
				violations.add("SKU " + sku + ": " + product.shipped() + " units left stock, but CONFIRMED orders hold "
						+ confirmed);
			}
			if (product.reserved() != held) {
				violations
					.add("SKU " + sku + ": reserved is " + product.reserved() + ", but undecided orders hold " + held);
			}
			if (product.onHand() != product.received() - product.shipped()) {
				violations.add("SKU " + sku + ": onHand is " + product.onHand() + ", but " + product.received()
						+ " units were received and " + product.shipped() + " shipped (expected "
						+ (product.received() - product.shipped()) + ")");
			}
			if (product.onHand() < 0 || product.reserved() < 0 || product.reserved() > product.onHand()) {
				violations.add("SKU " + sku + ": impossible stock, onHand " + product.onHand() + ", reserved "
						+ product.reserved());
			}
		}
		Set<String> known = this.books.products().stream().map(Books.Product::sku).collect(Collectors.toSet());
		confirmedUnits.keySet()
			.stream()
			.filter((sku) -> !known.contains(sku))
			.forEach((sku) -> violations.add("SKU " + sku + " of CONFIRMED orders is not in the catalog"));
		return new Result("stock per SKU matches the orders", this.books.products().size(), violations);
	}

	Result moneyMatchesTheOrders() {
		List<String> violations = new ArrayList<>();
		Map<String, List<Books.Payment>> paymentsByOrder = this.books.payments()
			.stream()
			.collect(Collectors.groupingBy(Books.Payment::orderId));
		for (Books.Order order : this.books.orders()) {
			List<Books.Payment> payments = paymentsByOrder.getOrDefault(order.orderId(), List.of());
			long charged = payments.stream().filter((p) -> p.status() == PaymentState.CHARGED).count();
			if (order.status() == OrderStatus.CONFIRMED) {
				if (charged != 1 || payments.size() != 1) {
					violations.add("CONFIRMED order " + order.orderId() + " has " + describe(payments)
							+ ", expected exactly one CHARGED");
				}
				else if (order.totalAmount() != null && payments.get(0).amount().compareTo(order.totalAmount()) != 0) {
					violations.add("CONFIRMED order " + order.orderId() + " totals " + order.totalAmount()
							+ " but was charged " + payments.get(0).amount());
				}
			}
			else if (order.status().isDecided() && charged > 0) {
				violations
					.add(order.status() + " order " + order.orderId() + " is still CHARGED: it was never refunded");
			}
		}
		Map<String, BigDecimal> taken = sum(
				this.books.payments().stream().filter((p) -> p.status() == PaymentState.CHARGED),
				Books.Payment::customerId, Books.Payment::amount);
		Map<String, BigDecimal> owed = sum(
				this.books.orders()
					.stream()
					.filter((o) -> o.status() == OrderStatus.CONFIRMED && o.totalAmount() != null),
				Books.Order::customerId, (o) -> Objects.requireNonNull(o.totalAmount()));
		Set<String> customers = new TreeSet<>(taken.keySet());
		customers.addAll(owed.keySet());
		for (String customer : customers) {
			BigDecimal took = taken.getOrDefault(customer, BigDecimal.ZERO);
			BigDecimal due = owed.getOrDefault(customer, BigDecimal.ZERO);
			if (took.compareTo(due) != 0) {
				violations.add("customer " + customer + ": " + took + " taken, but CONFIRMED orders total " + due);
			}
		}
		for (Books.Account account : this.books.accounts()) {
			BigDecimal expected = account.deposited()
				.subtract(taken.getOrDefault(account.customerId(), BigDecimal.ZERO));
			if (account.balance().compareTo(expected) != 0) {
				violations.add("customer " + account.customerId() + ": balance is " + account.balance() + ", but "
						+ account.deposited() + " was deposited and "
						+ taken.getOrDefault(account.customerId(), BigDecimal.ZERO) + " taken (expected " + expected
						+ ")");
			}
		}
		return new Result(
				"money per customer matches the orders (one charge per CONFIRMED order, refunds for the rest)",
				this.books.orders().size() + this.books.accounts().size(), violations);
	}

	Result everyOutcomeIsNotifiedOnce() {
		Map<String, List<NotificationKind>> kindsByOrder = this.books.notifications()
			.stream()
			.collect(Collectors.groupingBy(Books.Notification::orderId,
					Collectors.mapping(Books.Notification::kind, Collectors.toList())));
		List<String> violations = new ArrayList<>();
		Set<String> orderIds = new TreeSet<>();
		for (Books.Order order : this.books.orders()) {
			orderIds.add(order.orderId());
			List<NotificationKind> expected = new ArrayList<>();
			if (order.wasEver(OrderStatus.CONFIRMED)) {
				expected.add(NotificationKind.ORDER_CONFIRMED);
			}
			switch (order.status()) {
				case REJECTED -> expected.add(NotificationKind.ORDER_REJECTED);
				case CANCELLED -> expected.add(NotificationKind.ORDER_CANCELLED);
				case PENDING, RESERVED, CONFIRMED -> {
					// nothing more to tell
				}
			}
			List<NotificationKind> actual = kindsByOrder.getOrDefault(order.orderId(), List.of());
			if (!new TreeSet<>(expected).equals(new TreeSet<>(actual)) || actual.size() != expected.size()) {
				violations.add(order.status() + " order " + order.orderId() + " has notifications " + actual
						+ ", expected " + expected);
			}
		}
		kindsByOrder.keySet()
			.stream()
			.filter((id) -> !orderIds.contains(id))
			.forEach((id) -> violations.add("notifications " + kindsByOrder.get(id) + " for unknown order " + id));
		return new Result("one notification per outcome", this.books.orders().size(), violations);
	}

	Result analyticsCountsTheOrders() {
		// analytics learns of an order from order.created and of its outcome, nothing
		// between
		Map<OrderStatus, Long> expected = new TreeMap<>();
		for (Books.Order order : this.books.orders()) {
			expected.merge(order.status().isDecided() ? order.status() : OrderStatus.PENDING, 1L, Long::sum);
		}
		Map<OrderStatus, Long> actual = new TreeMap<>(this.books.analyticsByStatus());
		actual.values().removeIf((count) -> count == 0);
		List<String> violations = new ArrayList<>();
		if (!expected.equals(actual)) {
			violations.add("analytics counts " + actual + ", order-service has " + expected);
		}
		return new Result("analytics counts equal order-service's", this.books.orders().size(), violations);
	}

	private static Map<String, Integer> units(List<Books.Order> orders, Predicate<OrderStatus> status) {
		Map<String, Integer> units = new HashMap<>();
		orders.stream()
			.filter((order) -> status.test(order.status()))
			.flatMap((order) -> order.items().stream())
			.forEach((line) -> units.merge(line.sku(), line.quantity(), Integer::sum));
		return units;
	}

	private static <T> Map<String, BigDecimal> sum(Stream<T> items, Function<T, String> key,
			Function<T, BigDecimal> amount) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		items.forEach((item) -> sums.merge(key.apply(item), amount.apply(item), BigDecimal::add));
		return sums;
	}

	private static String describe(List<Books.Payment> payments) {
		return payments.isEmpty() ? "no payment"
				: payments.stream()
					.map((payment) -> payment.status().name())
					.collect(Collectors.joining(", ", "payments [", "]"));
	}

}
