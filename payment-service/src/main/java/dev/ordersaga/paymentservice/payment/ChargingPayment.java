package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.paymentservice.account.Account;
import dev.ordersaga.paymentservice.account.AccountRepository;
import dev.ordersaga.messaging.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment's side of the saga. Runs inside the consumer's transaction, so the balance,
 * the payment, the event reporting it and the record of the event being processed commit
 * together. The handlers run after {@link #lockAccountsFor} locked the rows of their
 * batch (the inbox calls it first), and read those rows by id.
 * <ul>
 * <li>stock reserved: charge the total → CHARGED, or DECLINED (unknown customer, too
 * little money);</li>
 * <li>order rejected or cancelled: a charge is refunded → REFUNDED; with no charge yet,
 * the order is voided so that a late reservation charges nothing.</li>
 * </ul>
 */
@Service
public class ChargingPayment {

	private final PaymentRepository payments;

	private final AccountRepository accounts;

	private final Outbox outbox;

	private final Clock clock = Clock.systemUTC();

	ChargingPayment(PaymentRepository payments, AccountRepository accounts, Outbox outbox) {
		this.payments = payments;
		this.accounts = accounts;
		this.outbox = outbox;
	}

	/**
	 * Locks, before any of these events is handled, every row they may change: the
	 * payments of the rejected and cancelled orders (in order id order), then every
	 * account to charge or refund (in customer order). Batches on two consumer threads
	 * (or two instances) then never wait for each other in opposite orders, which would
	 * deadlock, and the handlers below find the locked rows in the persistence context
	 * instead of querying for them again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockAccountsFor(List<SagaEvent> events) {
		Set<String> customers = new TreeSet<>();
		List<UUID> compensated = new ArrayList<>();
		for (SagaEvent event : events) {
			switch (event) {
				case InventoryUpdated update when update.status() == InventoryStatus.RESERVED ->
					customers.add(update.customerId());
				case OrderRejected rejected -> {
					customers.add(rejected.customerId());
					compensated.add(rejected.orderId().value());
				}
				case OrderCancelled cancelled -> {
					customers.add(cancelled.customerId());
					compensated.add(cancelled.orderId().value());
				}
				default -> {
					// moves no money
				}
			}
		}
		if (!compensated.isEmpty()) {
			this.payments.findAllForUpdate(compensated);
		}
		if (!customers.isEmpty()) {
			this.accounts.findAllForUpdate(customers);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void charge(InventoryUpdated reservation) {
		UUID orderId = reservation.orderId().value();
		if (this.payments.findById(orderId).isPresent()) {
			return; // charged or declined already, or voided before the reservation
					// arrived
		}
		// a RESERVED update carries both: its constructor checks them
		BigDecimal amount = Objects.requireNonNull(reservation.totalAmount());
		String currency = Objects.requireNonNull(reservation.currency());
		Instant now = this.clock.instant();
		Optional<Account> account = this.accounts.findById(reservation.customerId());
		DeclineReason decline = null;
		if (account.isEmpty()) {
			decline = DeclineReason.UNKNOWN_CUSTOMER;
		}
		else if (!account.get().canPay(amount, currency)) {
			decline = DeclineReason.INSUFFICIENT_FUNDS;
		}
		else {
			account.get().debit(amount);
		}
		PaymentState state = (decline != null) ? PaymentState.DECLINED : PaymentState.CHARGED;
		this.payments.save(new Payment(orderId, reservation.customerId(), state, amount, currency, decline, now));
		this.outbox.publish(new PaymentCompleted(reservation.orderId(),
				(decline != null) ? PaymentStatus.DECLINED : PaymentStatus.CHARGED, amount, currency, decline));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void refund(OrderId orderId, String customerId) {
		Instant now = this.clock.instant();
		Optional<Payment> found = this.payments.findById(orderId.value());
		if (found.isEmpty()) {
			this.payments
				.save(new Payment(orderId.value(), customerId, PaymentState.VOIDED, BigDecimal.ZERO, "-", null, now));
			return;
		}
		Payment payment = found.get();
		if (payment.status() != PaymentState.CHARGED) {
			return; // nothing was taken, or it was given back already
		}
		this.accounts.findById(payment.customerId())
			.orElseThrow(() -> new IllegalStateException("Account " + payment.customerId() + " of a charge is gone"))
			.credit(payment.amount());
		payment.refunded(now);
		this.outbox
			.publish(new PaymentCompleted(orderId, PaymentStatus.REFUNDED, payment.amount(), payment.currency(), null));
	}

}
