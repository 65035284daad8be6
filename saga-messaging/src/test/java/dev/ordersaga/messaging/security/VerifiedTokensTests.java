package dev.ordersaga.messaging.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.test.MutableClock;
import dev.ordersaga.messaging.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private final MutableClock clock = new MutableClock(Instant.now());

	private final AtomicInteger checks = new AtomicInteger();

	private final JwtDecoder tokens = VerifiedTokens.remembering(counted(checkedAt(this.clock)),
			new SagaProperties.TokenCache(100, Duration.ofMinutes(5)), this.clock);

	@Test
	void aTokenSentAgainIsNotCheckedAgain() {
		String token = TestTokens.customer("c-1");

		Jwt first = this.tokens.decode(token);
		Jwt second = this.tokens.decode(token);

		assertThat(this.checks).hasValue(1);
		assertThat(second.getSubject()).isEqualTo("c-1");
		assertThat(second).isSameAs(first);
	}

	@Test
	void eachTokenIsCheckedOnItsOwn() {
		this.tokens.decode(TestTokens.customer("c-1"));
		Jwt other = this.tokens.decode(TestTokens.operator());

		assertThat(this.checks).hasValue(2);
		assertThat(other.getSubject()).isEqualTo("test-operator");
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		String forged = TestTokens.signedByAStranger();

		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode(forged));
		}
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItExpired() {
		String token = TestTokens.token("c-1", List.of("customer"), Duration.ofSeconds(60));
		this.tokens.decode(token);

		this.clock.advance(Duration.ofSeconds(90));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.tokens.decode(token))
			.withMessageContaining("expired");
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void aTokenIsCheckedAgainAfterTheMaximumAge() {
		String token = TestTokens.customer("c-1");
		this.tokens.decode(token);

		this.clock.advance(Duration.ofMinutes(4));
		this.tokens.decode(token);
		assertThat(this.checks).hasValue(1);

		this.clock.advance(Duration.ofMinutes(2));
		this.tokens.decode(token);
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void sizeZeroChecksEveryRequest() {
		JwtDecoder decoder = counted(checkedAt(this.clock));
		JwtDecoder uncached = VerifiedTokens.remembering(decoder,
				new SagaProperties.TokenCache(0, Duration.ofMinutes(5)), this.clock);
		String token = TestTokens.customer("c-1");

		uncached.decode(token);
		uncached.decode(token);

		assertThat(uncached).isSameAs(decoder);
		assertThat(this.checks).hasValue(2);
	}

	/** The test tokens' decoder, checking expiry against the test's clock. */
	private static JwtDecoder checkedAt(MutableClock clock) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) TestTokens.decoder();
		JwtTimestampValidator times = new JwtTimestampValidator(Duration.ZERO);
		times.setClock(clock);
		decoder.setJwtValidator(times);
		return decoder;
	}

	private JwtDecoder counted(JwtDecoder decoder) {
		return (token) -> {
			this.checks.incrementAndGet();
			return decoder.decode(token);
		};
	}

}
