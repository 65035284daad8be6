package dev.ordersaga.paymentservice.payment;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/payments")
@Tag(name = "Payments", description = "Charges, declines and refunds of orders; a customer's own only")
class PaymentController {

	/** Voided payments are bookkeeping for out-of-order events, not money movements. */
	private static final Set<PaymentState> SHOWN = EnumSet.of(PaymentState.CHARGED, PaymentState.DECLINED,
			PaymentState.REFUNDED);

	private final PaymentRepository payments;

	PaymentController(PaymentRepository payments) {
		this.payments = payments;
	}

	/**
	 * A page of payments by order id, of one order or one customer or all; a customer
	 * sees only their own.
	 */
	@GetMapping
	@Operation(summary = "Lists payments by order id",
			description = "Of one order, of one customer, or all; a " + "customer sees their own.")
	@ApiResponse(responseCode = "200", description = "A page of payments")
	@ApiResponse(responseCode = "400", description = "`limit` is not 1 to 100, or an id is not a UUID")
	@ApiResponse(responseCode = "403", description = "A customer named another customer, or the token has no role")
	@Transactional(readOnly = true)
	PaymentPage find(@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable String customerId, Caller caller,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable UUID after) {
		String customer = caller.listing(customerId);
		PredicateSpecification<Payment> matching = (payment, criteria) -> payment.get("status").in(SHOWN);
		if (orderId != null) {
			matching = matching.and((payment, criteria) -> criteria.equal(payment.get("orderId"), orderId));
		}
		if (customer != null) {
			matching = matching.and((payment, criteria) -> criteria.equal(payment.get("customerId"), customer));
		}
		Window<Payment> window = this.payments.findBy(matching,
				(query) -> query.sortBy(Sort.by("orderId")).limit(limit).scroll(Keyset.after("orderId", after)));
		List<PaymentView> page = Keyset.items(window, PaymentView::of);
		return new PaymentPage(page, Keyset.next(window, page, PaymentView::orderId));
	}

}
