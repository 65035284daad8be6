package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.Money;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.paymentservice.account.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The payment's side of the saga without Spring, a broker or a database: given a
 * reservation or a compensation and the account, the balance and payment it leaves and
 * the event it emits.
 */
class PaymentTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private static final Money TOTAL = Money.of("25.00", "EUR");

	private final OrderId orderId = OrderId.random();

	private final InventoryUpdated reservation = reservation("EUR");

	@Test
	void chargesTheReservedTotal() {
		Account account = account("100.00", "EUR");
		Payment.Outcome outcome = Payment.charge(this.reservation, Optional.of(account), T0);

		assertThat(account.balance()).isEqualByComparingTo("75.00");
		assertThat(outcome.payment().status()).isEqualTo(PaymentState.CHARGED);
		assertThat(outcome.payment().amount()).isEqualByComparingTo("25.00");
		assertThat(outcome.payment().currency()).isEqualTo("EUR");
		assertThat(outcome.event()).isEqualTo(PaymentCompleted.charged(this.orderId, TOTAL));
	}

	@Test
	void chargesTheWholeBalance() {
		Account account = account("25.00", "EUR");
		Payment.charge(this.reservation, Optional.of(account), T0);

		assertThat(account.balance()).isEqualByComparingTo("0");
	}

	@Test
	void declinesWhenTheBalanceIsShortAndTakesNothing() {
		Account account = account("24.99", "EUR");
		Payment.Outcome outcome = Payment.charge(this.reservation, Optional.of(account), T0);

		assertDeclined(outcome, DeclineReason.INSUFFICIENT_FUNDS, TOTAL);
		assertThat(account.balance()).isEqualByComparingTo("24.99");
	}

	@Test
	void declinesACustomerWithoutAnAccount() {
		assertDeclined(Payment.charge(this.reservation, Optional.empty(), T0), DeclineReason.UNKNOWN_CUSTOMER, TOTAL);
	}

	@Test
	void declinesAChargeInACurrencyOtherThanTheAccountsAndTakesNothing() {
		Account account = account("1000.00", "EUR");
		Payment.Outcome outcome = Payment.charge(reservation("USD"), Optional.of(account), T0);

		assertDeclined(outcome, DeclineReason.CURRENCY_MISMATCH, Money.of("25.00", "USD"));
		assertThat(account.balance()).isEqualByComparingTo("1000.00");
	}

	@Test
	void aCurrencyMismatchIsReportedBeforeAShortBalance() {
		Payment.Outcome outcome = Payment.charge(reservation("USD"), Optional.of(account("1.00", "EUR")), T0);

		assertThat(outcome.payment().reason()).isEqualTo(DeclineReason.CURRENCY_MISMATCH);
	}

	@Test
	void refundsACharge() {
		Account account = account("100.00", "EUR");
		Payment payment = Payment.charge(this.reservation, Optional.of(account), T0).payment();

		assertThat(payment.refund(Optional.of(account), T0.plusSeconds(1)))
			.contains(PaymentCompleted.refunded(this.orderId, TOTAL));
		assertThat(payment.status()).isEqualTo(PaymentState.REFUNDED);
		assertThat(payment.updatedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(account.balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void refundsAChargeOnce() {
		Account account = account("100.00", "EUR");
		Payment payment = Payment.charge(this.reservation, Optional.of(account), T0).payment();
		payment.refund(Optional.of(account), T0.plusSeconds(1));

		assertThat(payment.refund(Optional.of(account), T0.plusSeconds(2))).isEmpty();
		assertThat(account.balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void aDeclinedPaymentHasNothingToRefund() {
		Account account = account("10.00", "EUR");
		Payment declined = Payment.charge(this.reservation, Optional.of(account), T0).payment();

		assertThat(declined.refund(Optional.of(account), T0.plusSeconds(1))).isEmpty();
		assertThat(declined.status()).isEqualTo(PaymentState.DECLINED);
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void aCompensationBeforeTheReservationLeavesAVoidMarkWithNothingToRefund() {
		Payment voided = Payment.voided(this.orderId, "c-1", T0);

		assertThat(voided.status()).isEqualTo(PaymentState.VOIDED);
		assertThat(voided.amount()).isEqualByComparingTo("0");
		assertThat(voided.refund(Optional.empty(), T0.plusSeconds(1))).isEmpty();
	}

	@Test
	void refusesToRefundAChargeWhoseAccountIsGone() {
		Payment payment = Payment.charge(this.reservation, Optional.of(account("100.00", "EUR")), T0).payment();

		assertThatIllegalStateException().isThrownBy(() -> payment.refund(Optional.empty(), T0.plusSeconds(1)))
			.withMessageContaining("c-1");
		assertThat(payment.status()).isEqualTo(PaymentState.CHARGED);
	}

	private void assertDeclined(Payment.Outcome outcome, DeclineReason reason, Money total) {
		assertThat(outcome.payment().status()).isEqualTo(PaymentState.DECLINED);
		assertThat(outcome.payment().reason()).isEqualTo(reason);
		assertThat(outcome.event()).isEqualTo(PaymentCompleted.declined(this.orderId, total, reason));
	}

	/** Two units at 12.50: 25.00 to charge. */
	private InventoryUpdated reservation(String currency) {
		return InventoryUpdated.reserved(this.orderId, "c-1",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), currency);
	}

	private static Account account(String balance, String currency) {
		return new Account("c-1", new BigDecimal(balance), currency);
	}

}
