package dev.ordersaga.messaging.test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/**
 * Who may call what, checked as a table: each row is a request and the status each of
 * four callers gets (no token, customer A, customer B, an operator). The callers make
 * each request in that order, so a row may change something (customer A cancels, the
 * operator then finds it cancelled). Every refusal must be problem+json, and a 401 must
 * carry {@code WWW-Authenticate: Bearer}. All rows run; the failures are reported
 * together.
 * <p>
 * Every matrix starts with the rows every service shares: anyone, with a token or
 * without, may read the API's documentation (the OpenAPI document, the Swagger UI's
 * configuration and the UI's address), and no more than that: other methods on the
 * document's path, and a path beside it, still need a token.
 */
public final class AccessMatrix {

	/** Customer A, fresh for each matrix so that earlier runs leave nothing of theirs. */
	public final String customerA = "a-" + UUID.randomUUID().toString().substring(0, 8);

	/** Customer B, who must never see or touch A's things. */
	public final String customerB = "b-" + UUID.randomUUID().toString().substring(0, 8);

	private final HttpJson api;

	private final List<Row> rows = new ArrayList<>();

	private record Row(String method, String path, @Nullable String body, List<Integer> expected) {
	}

	/**
	 * @param api the service's API; its token, if any, is replaced per caller
	 */
	public AccessMatrix(HttpJson api) {
		this.api = api;
		row("GET", "/v3/api-docs", null, 200, 200, 200, 200);
		row("GET", "/v3/api-docs/swagger-config", null, 200, 200, 200, 200);
		row("GET", "/swagger-ui.html", null, 302, 302, 302, 302);
		row("POST", "/v3/api-docs", "{}", 401, 405, 405, 405);
		row("GET", "/v3", null, 401, 404, 404, 404);
	}

	/**
	 * A request and the statuses expected for no token, customer A, customer B and an
	 * operator, in that order.
	 */
	public AccessMatrix row(String method, String path, @Nullable String body, int nobody, int a, int b, int operator) {
		this.rows.add(new Row(method, path, body, List.of(nobody, a, b, operator)));
		return this;
	}

	public void check() {
		List<HttpJson> callers = List.of(this.api.anonymous(), this.api.withToken(TestTokens.customer(this.customerA)),
				this.api.withToken(TestTokens.customer(this.customerB)), this.api.withToken(TestTokens.operator()));
		List<String> names = List.of("no token", "customer A", "customer B", "operator");
		SoftAssertions softly = new SoftAssertions();
		for (Row row : this.rows) {
			for (int caller = 0; caller < callers.size(); caller++) {
				HttpJson.Response response = callers.get(caller).send(row.method(), row.path(), row.body());
				String what = row.method() + " " + row.path() + " by " + names.get(caller) + " (body: "
						+ response.body() + ")";
				softly.assertThat(response.status()).as(what).isEqualTo(row.expected().get(caller));
				if (response.status() >= 400) {
					softly.assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
				}
				if (response.status() == 401) {
					softly.assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer");
				}
			}
		}
		softly.assertAll();
	}

}
