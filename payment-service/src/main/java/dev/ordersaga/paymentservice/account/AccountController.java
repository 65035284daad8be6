package dev.ordersaga.paymentservice.account;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/accounts")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PutMapping("/{customerId}")
	ResponseEntity<AccountView> put(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
					message = "must be 1 to 100 letters, digits, '.', '_' or '-'") String customerId,
			@Valid @RequestBody AccountRequest request) {
		boolean created = this.accounts.put(customerId, request.balance(), request.currency());
		AccountView view = AccountView.of(this.accounts.find(customerId));
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping
	List<AccountView> all() {
		return this.accounts.all().stream().map(AccountView::of).toList();
	}

	@GetMapping("/{customerId}")
	AccountView get(@PathVariable String customerId) {
		return AccountView.of(this.accounts.find(customerId));
	}

}
