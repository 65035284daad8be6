package dev.ordersaga.paymentservice.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of accounts by customer id; {@code next} is the {@code after} of the following
 * page.
 */
record AccountPage(List<AccountView> accounts, @Nullable String next) {
}
