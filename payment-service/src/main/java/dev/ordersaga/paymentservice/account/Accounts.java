package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;
import java.util.List;

import dev.ordersaga.messaging.web.Problems;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, replacing and reading accounts. */
@Service
class Accounts {

	private final AccountRepository accounts;

	Accounts(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/** Creates or replaces an account; {@code true} when it was created. */
	@Transactional
	public boolean put(String customerId, BigDecimal balance, String currency) {
		var existing = this.accounts.findForUpdate(customerId);
		if (existing.isEmpty()) {
			this.accounts.save(new Account(customerId, balance, currency));
			return true;
		}
		existing.get().replace(balance, currency);
		return false;
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.accounts.findAll(Sort.by("customerId"));
	}

	@Transactional(readOnly = true)
	public Account find(String customerId) {
		return this.accounts.findById(customerId).orElseThrow(() -> Problems.notFound("No account " + customerId));
	}

}
