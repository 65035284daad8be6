package dev.ordersaga.paymentservice.account;

import java.util.List;

import dev.ordersaga.events.Ids;
import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/accounts")
@Tag(name = "Accounts", description = "Customers' balances, which payments charge. Operators set and list them; "
		+ "a customer reads their own")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PutMapping("/{customerId}")
	@Operation(summary = "Creates or replaces an account",
			description = "Money put in counts as `deposited`: the balance is what is deposited less charges not refunded.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "400", description = "The customer id or the body is not valid")
	ResponseEntity<AccountView> put(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String customerId,
			@Valid @RequestBody AccountRequest request) {
		boolean created = this.accounts.put(customerId, request.balance(), request.currency());
		AccountView view = AccountView.of(this.accounts.find(customerId));
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping
	@Operation(summary = "Lists accounts by customer id")
	@ApiResponse(responseCode = "200", description = "A page of accounts")
	@ApiResponse(responseCode = "400", description = "`limit` is not 1 to 100")
	AccountPage list(@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable String after) {
		Window<Account> window = this.accounts.page(limit, after);
		List<AccountView> page = Keyset.items(window, AccountView::of);
		return new AccountPage(page, Keyset.next(window, page, AccountView::customerId));
	}

	@GetMapping("/{customerId}")
	@Operation(summary = "Reads an account")
	@ApiResponse(responseCode = "200", description = "The account")
	@ApiResponse(responseCode = "404", description = "No such account, or another customer's")
	AccountView get(@PathVariable String customerId, Caller caller) {
		if (!caller.sees(customerId)) {
			throw new UnknownAccountException(customerId);
		}
		return AccountView.of(this.accounts.find(customerId));
	}

}
