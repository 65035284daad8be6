package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import dev.ordersaga.messaging.web.Keyset;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, replacing and reading accounts. Fails with {@link UnknownAccountException}.
 */
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
	public Window<Account> page(int limit, @Nullable String after) {
		return this.accounts.findBy(PredicateSpecification.unrestricted(),
				(query) -> query.sortBy(Sort.by("customerId")).limit(limit).scroll(Keyset.after("customerId", after)));
	}

	@Transactional(readOnly = true)
	public Account find(String customerId) {
		return this.accounts.findById(customerId).orElseThrow(() -> new UnknownAccountException(customerId));
	}

}
