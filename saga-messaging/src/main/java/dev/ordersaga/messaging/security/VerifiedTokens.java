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

	private VerifiedTokens(JwtDecoder decoder, SagaProperties.TokenCache settings, Clock clock) {
		this.decoder = decoder;
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

	/**
	 * The remembered token, or the decoder's verdict; an entry is gone once its token
	 * expired, since the cache's ticker reads the same clock as its expiry.
	 */
	@Override
	public Jwt decode(String token) {
		return this.verified.get(token, this.decoder::decode);
	}

	private static Expiry<String, Jwt> untilExpiredOr(Duration maxAge, Clock clock) {
		return Expiry.creating((token, jwt) -> {
			@Nullable Instant expiresAt = jwt.getExpiresAt();
			Duration left = (expiresAt != null) ? Duration.between(clock.instant(), expiresAt) : maxAge;
			if (left.compareTo(maxAge) > 0) {
				return maxAge;
			}
			return left.isNegative() ? Duration.ZERO : left;
		});
	}

}
