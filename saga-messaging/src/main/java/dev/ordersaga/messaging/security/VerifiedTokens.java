package dev.ordersaga.messaging.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.ordersaga.messaging.SagaProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens it verified, so a client that sends one token with many requests
 * pays for its signature check once (in a burst of orders the check was a tenth of
 * order-service's CPU: docs/benchmarks.md, "Session 11"). A token is remembered only
 * after the decoder accepted it (signature, issuer, times), at most {@code maxAge} and
 * never past its {@code exp}; a token it refused is checked again every time, and any
 * other string is a different key. Bounded by {@code size} (0 remembers nothing).
 * {@code maxAge} bounds how long a token stays accepted after its key left the issuer's
 * key set, as Spring Security's cache of that set does (5 minutes by default).
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	private VerifiedTokens(JwtDecoder decoder, SagaProperties.TokenCache settings, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(settings.size())
			.expireAfter(untilExpiredOr(settings.maxAge(), clock))
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/** The decoder itself when {@code size} is 0, else one that remembers. */
	static JwtDecoder remembering(JwtDecoder decoder, SagaProperties.TokenCache settings, Clock clock) {
		return (settings.size() > 0) ? new VerifiedTokens(decoder, settings, clock) : decoder;
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && !expired(known)) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		this.verified.put(token, jwt);
		return jwt;
	}

	private boolean expired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && !this.clock.instant().isBefore(expiresAt);
	}

	private static Expiry<String, Jwt> untilExpiredOr(Duration maxAge, Clock clock) {
		return Expiry.creating((token, jwt) -> {
			@Nullable Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return maxAge;
			}
			Duration left = Duration.between(clock.instant(), expiresAt);
			return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
		});
	}

}
