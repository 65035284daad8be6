package dev.ordersaga.paymentservice.payment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.inbox.LockedRows;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.paymentservice.account.AccountRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment's side of the saga, as the listener calls it: loads the payment and the
 * account, lets the {@link Payment} apply its rules, stores it and publishes what it
 * emits through the outbox. Runs inside the consumer's transaction, so the balance, the
 * payment, the event reporting it and the record of the event being processed commit
 * together. The handlers run after {@link #lockAccountsFor} locked the rows of their
 * batch (the inbox calls it first), and read those rows by id: a payment from what the
 * lock found ({@link LockedRows}), an account from the persistence context.
 */
@Service
public class ChargingPayment {

	private final PaymentRepository payments;

	private final AccountRepository accounts;

	private final Outbox outbox;

	private final Clock clock;

	/** The payments {@link #lockAccountsFor} read, found or not, per transaction. */
	private final LockedRows<UUID, Payment> lockedPayments;

	ChargingPayment(PaymentRepository payments, AccountRepository accounts, Outbox outbox, Clock clock) {
		this.payments = payments;
		this.lockedPayments = new LockedRows<>((payment) -> payment.orderId().value(), payments::findById,
				payments::save);
		this.accounts = accounts;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Locks, before any of these events is handled, every row they may change: the
	 * payments of their orders (in order id order; an order to charge usually has none
	 * yet, and the handlers then know so without a query of their own), then every
	 * account to charge or refund (in customer order). Batches on two consumer threads
	 * (or two instances) then never wait for each other in opposite orders, which would
	 * deadlock, and the handlers below find the locked rows without querying for them
	 * again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockAccountsFor(List<SagaEvent> events) {
		AccountLocks locks = AccountLocks.of(events);
		this.lockedPayments.lock(locks.orders(),
				(orderIds) -> this.payments.findAllForUpdate(orderIds.toArray(UUID[]::new)));
		if (!locks.customers().isEmpty()) {
			this.accounts.findAllForUpdate(locks.customers().toArray(String[]::new));
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void charge(InventoryUpdated reservation) {
		if (this.lockedPayments.find(reservation.orderId().value()).isPresent()) {
			return; // charged or declined already, or voided before the reservation
					// arrived
		}
		Payment.Outcome outcome = Payment.charge(reservation, this.accounts.findById(reservation.customerId()),
				this.clock.instant());
		this.lockedPayments.store(outcome.payment());
		this.outbox.publish(outcome.event());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void refund(OrderId orderId, String customerId) {
		Optional<Payment> found = this.lockedPayments.find(orderId.value());
		if (found.isEmpty()) {
			this.lockedPayments.store(Payment.voided(orderId, customerId, this.clock.instant()));
			return;
		}
		Payment payment = found.get();
		payment.refund(this.accounts.findById(payment.customerId()), this.clock.instant())
			.ifPresent(this.outbox::publish);
	}

}
