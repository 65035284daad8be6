package dev.ordersaga.paymentservice.payment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/payments")
class PaymentController {

	/** Voided payments are bookkeeping for out-of-order events, not money movements. */
	private static final Set<PaymentState> SHOWN = EnumSet.of(PaymentState.CHARGED, PaymentState.DECLINED,
			PaymentState.REFUNDED);

	private final PaymentRepository payments;

	PaymentController(PaymentRepository payments) {
		this.payments = payments;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<PaymentView> find(@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable String customerId) {
		if (orderId != null) {
			return this.payments.findByOrderIdAndStatusIn(orderId, SHOWN).stream().map(PaymentView::of).toList();
		}
		if (customerId != null) {
			return this.payments.findByCustomerIdAndStatusInOrderByCreatedAt(customerId, SHOWN)
				.stream()
				.map(PaymentView::of)
				.toList();
		}
		return this.payments.findByStatusInOrderByCreatedAt(SHOWN).stream().map(PaymentView::of).toList();
	}

}
