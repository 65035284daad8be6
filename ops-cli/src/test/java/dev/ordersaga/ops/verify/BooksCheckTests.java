package dev.ordersaga.ops.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.ordersaga.ops.verify.Books.NotificationKind;
import dev.ordersaga.ops.verify.Books.PaymentState;
import dev.ordersaga.ops.verify.Books.OrderStatus;
import org.junit.jupiter.api.Test;

import static dev.ordersaga.ops.verify.Books.OrderStatus.CANCELLED;
import static dev.ordersaga.ops.verify.Books.OrderStatus.CONFIRMED;
import static dev.ordersaga.ops.verify.Books.OrderStatus.PENDING;
import static dev.ordersaga.ops.verify.Books.OrderStatus.REJECTED;
import static dev.ordersaga.ops.verify.Books.OrderStatus.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

class BooksCheckTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private static final Instant LONG_AGO = NOW.minus(Duration.ofMinutes(10));

	private final List<Books.Order> orders = new ArrayList<>();

	private final List<Books.Payment> payments = new ArrayList<>();

	private final List<Books.Notification> notifications = new ArrayList<>();

	/**
	 * SKU-1: 10 received, 2 shipped with o-1, 3 held by o-3; c-1 deposited 100, paid 25
	 * for o-1.
	 */
	private Books balanced() {
		confirmed("o-1", "c-1", 2, "25.00");
		order("o-2", "c-1", REJECTED, 1, "12.50", LONG_AGO, PENDING, RESERVED, REJECTED);
		this.payments.add(new Books.Payment("o-2", "c-1", PaymentState.REFUNDED, new BigDecimal("12.50")));
		this.notifications.add(new Books.Notification("o-2", NotificationKind.ORDER_REJECTED));
		order("o-3", "c-2", RESERVED, 3, "37.50", NOW.minusSeconds(1), PENDING, RESERVED);
		return books(new Books.Product("SKU-1", 8, 3, 10, 2), new BigDecimal("75.00"),
				Map.of(CONFIRMED, 1L, REJECTED, 1L, PENDING, 1L));
	}

	@Test
	void balancedBooksPassEveryCheck() {
		assertThat(check(balanced())).allSatisfy((result) -> assertThat(result.violations()).isEmpty());
	}

	@Test
	void findsStockChangedBehindTheSagasBack() {
		Books books = balanced();
		Books tampered = new Books(books.orders(), List.of(new Books.Product("SKU-1", 9, 3, 10, 2)), books.accounts(),
				books.payments(), books.notifications(), books.analyticsByStatus());
		assertThat(violations(tampered)).singleElement().asString().contains("SKU SKU-1: onHand is 9");
	}

	@Test
	void findsReservedUnitsNoOrderHolds() {
		Books books = balanced();
		Books tampered = new Books(books.orders(), List.of(new Books.Product("SKU-1", 8, 5, 10, 2)), books.accounts(),
				books.payments(), books.notifications(), books.analyticsByStatus());
		assertThat(violations(tampered)).singleElement().asString().contains("reserved is 5");
	}

	@Test
	void findsAChargeThatWasNeverRefunded() {
		Books books = balanced();
		this.payments.set(1, new Books.Payment("o-2", "c-1", PaymentState.CHARGED, new BigDecimal("12.50")));
		assertThat(violations(books))
			.anySatisfy((line) -> assertThat(line).contains("REJECTED order o-2 is still CHARGED"))
			.anySatisfy((line) -> assertThat(line).contains("customer c-1: 37.50 taken"));
	}

	@Test
	void aPaymentVoidedBeforeItWasChargedTakesNoMoney() {
		Books books = balanced();
		order("o-6", "c-1", REJECTED, 1, "12.50", LONG_AGO, PENDING, REJECTED);
		this.payments.add(new Books.Payment("o-6", "c-1", PaymentState.VOIDED, new BigDecimal("12.50")));
		this.notifications.add(new Books.Notification("o-6", NotificationKind.ORDER_REJECTED));
		Books withVoided = new Books(books.orders(), books.products(), books.accounts(), books.payments(),
				books.notifications(), Map.of(CONFIRMED, 1L, REJECTED, 2L, PENDING, 1L));
		assertThat(violations(withVoided)).isEmpty();
	}

	@Test
	void findsAConfirmedOrderChargedTwice() {
		Books books = balanced();
		this.payments.add(new Books.Payment("o-1", "c-1", PaymentState.CHARGED, new BigDecimal("25.00")));
		assertThat(violations(books))
			.anySatisfy((line) -> assertThat(line).contains("CONFIRMED order o-1 has payments [CHARGED, CHARGED]"));
	}

	@Test
	void findsAnUndecidedOrderPastItsDeadline() {
		Books books = balanced();
		this.orders.add(new Books.Order("o-4", "c-2", PENDING, null, LONG_AGO, List.of(),
				List.of(new Books.StatusChange(PENDING))));
		assertThat(violations(books))
			.anySatisfy((line) -> assertThat(line).contains("order o-4 is PENDING 600s after"));
	}

	@Test
	void findsAMissingOrDuplicateNotification() {
		Books books = balanced();
		this.notifications.add(new Books.Notification("o-1", NotificationKind.ORDER_CONFIRMED));
		assertThat(violations(books)).singleElement()
			.asString()
			.contains("CONFIRMED order o-1 has notifications [ORDER_CONFIRMED, ORDER_CONFIRMED]");
	}

	@Test
	void aConfirmedOrderCancelledLaterIsNotifiedTwiceAndRefunded() {
		Books books = balanced();
		order("o-5", "c-1", CANCELLED, 1, "12.50", LONG_AGO, PENDING, RESERVED, CONFIRMED, CANCELLED);
		this.payments.add(new Books.Payment("o-5", "c-1", PaymentState.REFUNDED, new BigDecimal("12.50")));
		this.notifications.add(new Books.Notification("o-5", NotificationKind.ORDER_CONFIRMED));
		this.notifications.add(new Books.Notification("o-5", NotificationKind.ORDER_CANCELLED));
		Books withCancellation = new Books(books.orders(), books.products(), books.accounts(), books.payments(),
				books.notifications(), Map.of(CONFIRMED, 1L, REJECTED, 1L, PENDING, 1L, CANCELLED, 1L));
		assertThat(violations(withCancellation)).isEmpty();
	}

	@Test
	void findsAnalyticsThatMissedAnOrder() {
		Books books = balanced();
		Books missed = new Books(books.orders(), books.products(), books.accounts(), books.payments(),
				books.notifications(), Map.of(CONFIRMED, 1L, PENDING, 1L));
		assertThat(violations(missed)).singleElement().asString().contains("analytics counts");
	}

	private void confirmed(String id, String customer, int units, String total) {
		order(id, customer, CONFIRMED, units, total, LONG_AGO, PENDING, RESERVED, CONFIRMED);
		this.payments.add(new Books.Payment(id, customer, PaymentState.CHARGED, new BigDecimal(total)));
		this.notifications.add(new Books.Notification(id, NotificationKind.ORDER_CONFIRMED));
	}

	private void order(String id, String customer, OrderStatus status, int units, String total, Instant createdAt,
			OrderStatus... history) {
		this.orders.add(new Books.Order(id, customer, status, new BigDecimal(total), createdAt,
				List.of(new Books.Line("SKU-1", units)), Arrays.stream(history).map(Books.StatusChange::new).toList()));
	}

	private Books books(Books.Product product, BigDecimal balance, Map<OrderStatus, Long> analytics) {
		return new Books(this.orders, List.of(product),
				List.of(new Books.Account("c-1", balance, new BigDecimal("100.00"))), this.payments, this.notifications,
				analytics);
	}

	private static List<BooksCheck.Result> check(Books books) {
		return new BooksCheck(books, NOW, Duration.ofSeconds(40)).run();
	}

	private static List<String> violations(Books books) {
		return check(books).stream().flatMap((result) -> result.violations().stream()).toList();
	}

}
