package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.paymentservice.account.Account;
import dev.ordersaga.paymentservice.account.AccountRepository;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The payment's side of the saga without a broker or a database: given a reservation or a
 * compensation, the balance and payment it leaves and the event it emits.
 */
class ChargingPaymentTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private final PaymentRepository payments = mock();

	private final AccountRepository accounts = mock();

	private final Outbox outbox = mock();

	private final ChargingPayment charging = new ChargingPayment(this.payments, this.accounts, this.outbox);

	private final OrderId orderId = OrderId.random();

	private final InventoryUpdated reservation = InventoryUpdated.reserved(this.orderId, "c-1",
			List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR");

	@Test
	void chargesTheReservedTotal() {
		Account account = account("100.00");
		this.charging.charge(this.reservation);

		assertThat(account.balance()).isEqualByComparingTo("75.00");
		Payment payment = savedPayment();
		assertThat(payment.status()).isEqualTo(PaymentState.CHARGED);
		assertThat(payment.amount()).isEqualByComparingTo("25.00");
		assertThat(emitted()).isEqualTo(
				new PaymentCompleted(this.orderId, PaymentStatus.CHARGED, this.reservation.totalAmount(), "EUR", null));
	}

	@Test
	void declinesWhenTheBalanceIsShortAndTakesNothing() {
		Account account = account("24.99");
		this.charging.charge(this.reservation);

		assertThat(account.balance()).isEqualByComparingTo("24.99");
		assertThat(savedPayment().status()).isEqualTo(PaymentState.DECLINED);
		assertThat(savedPayment().reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(emitted()).isEqualTo(new PaymentCompleted(this.orderId, PaymentStatus.DECLINED,
				this.reservation.totalAmount(), "EUR", DeclineReason.INSUFFICIENT_FUNDS));
	}

	@Test
	void declinesACustomerWithoutAnAccount() {
		given(this.accounts.findById("c-1")).willReturn(Optional.empty());
		this.charging.charge(this.reservation);

		assertThat(savedPayment().reason()).isEqualTo(DeclineReason.UNKNOWN_CUSTOMER);
		assertThat(emitted()).isEqualTo(new PaymentCompleted(this.orderId, PaymentStatus.DECLINED,
				this.reservation.totalAmount(), "EUR", DeclineReason.UNKNOWN_CUSTOMER));
	}

	@Test
	void anOrderWithAPaymentAlreadyIsNotChargedAgain() {
		given(this.payments.findById(this.orderId.value())).willReturn(Optional
			.of(new Payment(this.orderId.value(), "c-1", PaymentState.VOIDED, BigDecimal.ZERO, "-", null, T0)));
		this.charging.charge(this.reservation);

		then(this.accounts).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
		then(this.payments).should(never()).save(any());
	}

	@Test
	void refundsAChargeWhenTheOrderIsRejectedOrCancelled() {
		Account account = account("75.00");
		Payment charge = existing(PaymentState.CHARGED);
		this.charging.refund(this.orderId, "c-1");

		assertThat(account.balance()).isEqualByComparingTo("100.00");
		assertThat(charge.status()).isEqualTo(PaymentState.REFUNDED);
		assertThat(emitted()).isEqualTo(
				new PaymentCompleted(this.orderId, PaymentStatus.REFUNDED, new BigDecimal("25.00"), "EUR", null));
	}

	@Test
	void refundsAChargeOnlyOnce() {
		Account account = account("75.00");
		existing(PaymentState.CHARGED);
		this.charging.refund(this.orderId, "c-1");
		this.charging.refund(this.orderId, "c-1");

		assertThat(account.balance()).isEqualByComparingTo("100.00");
		then(this.outbox).should().publish(any());
	}

	@Test
	void aDeclinedPaymentHasNothingToRefund() {
		existing(PaymentState.DECLINED);
		this.charging.refund(this.orderId, "c-1");

		then(this.accounts).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void aCompensationBeforeTheReservationVoidsTheOrderSoItIsNeverCharged() {
		given(this.payments.findById(this.orderId.value())).willReturn(Optional.empty());
		this.charging.refund(this.orderId, "c-1");

		Payment voided = savedPayment();
		assertThat(voided.orderId()).isEqualTo(this.orderId.value());
		assertThat(voided.status()).isEqualTo(PaymentState.VOIDED);
		assertThat(voided.amount()).isEqualByComparingTo("0");
		then(this.accounts).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void aBatchLocksTheAccountsItMayChargeOrRefundInOneQueryInCustomerOrder() {
		this.charging.lockAccountsFor(List.of(
				InventoryUpdated.reserved(OrderId.random(), "c-9", List.of(new PricedLine("SKU-1", 1, BigDecimal.ONE)),
						"EUR"),
				new OrderRejected(OrderId.random(), "c-2", RejectionReason.TIMEOUT), this.reservation,
				InventoryUpdated.committed(this.orderId, "c-5", List.of())));

		ArgumentCaptor<Collection<String>> locked = ArgumentCaptor.captor();
		then(this.accounts).should().findAllForUpdate(locked.capture());
		assertThat(locked.getValue()).containsExactly("c-1", "c-2", "c-9");
	}

	private Account account(String balance) {
		Account account = new Account("c-1", new BigDecimal(balance), "EUR");
		given(this.accounts.findById("c-1")).willReturn(Optional.of(account));
		return account;
	}

	private Payment existing(PaymentState state) {
		Payment payment = new Payment(this.orderId.value(), "c-1", state, new BigDecimal("25.00"), "EUR",
				(state == PaymentState.DECLINED) ? DeclineReason.INSUFFICIENT_FUNDS : null, T0);
		given(this.payments.findById(this.orderId.value())).willReturn(Optional.of(payment));
		return payment;
	}

	private Payment savedPayment() {
		ArgumentCaptor<Payment> saved = ArgumentCaptor.forClass(Payment.class);
		then(this.payments).should().save(saved.capture());
		return saved.getValue();
	}

	private PaymentCompleted emitted() {
		ArgumentCaptor<PaymentCompleted> published = ArgumentCaptor.forClass(PaymentCompleted.class);
		then(this.outbox).should().publish(published.capture());
		return published.getValue();
	}

}
