package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Bearer tokens for tests, signed by a key pair made once per test JVM, the way
 * {@code sagactl token} signs them with the key {@code ./stack up} makes: the public key
 * is written to a file the services under test trust
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 */
public final class TestTokens {

	private static final KeyPair KEYS = newKeyPair();

	private static final KeyPair STRANGER = newKeyPair();

	private static final Path PUBLIC_KEY = writePublicKey();

	private TestTokens() {
	}

	/** Verifies the tokens of this class, as a service under test does. */
	public static JwtDecoder decoder() {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
	}

	/** Where the services find the public key, as a Spring resource location. */
	public static String publicKeyLocation() {
		return PUBLIC_KEY.toUri().toString();
	}

	/** A customer's token (valid for an hour): the subject is the customer's id. */
	public static String customer(String customerId) {
		return token(customerId, List.of("customer"), Duration.ofHours(1));
	}

	/** An operator's token (valid for an hour). */
	public static String operator() {
		return token("test-operator", List.of("operator"), Duration.ofHours(1));
	}

	/**
	 * A token with any subject and roles, valid for {@code lifetime} from now (negative:
	 * already expired).
	 */
	public static String token(String subject, List<String> roles, Duration lifetime) {
		return sign(KEYS, subject, roles, lifetime);
	}

	/** A well-formed operator token signed by a key the services do not trust. */
	public static String signedByAStranger() {
		return sign(STRANGER, "intruder", List.of("operator"), Duration.ofHours(1));
	}

	/** Writes the private key as {@code ./stack up} does, for a {@code sagactl token}. */
	public static void writePrivateKey(Path file) {
		write(file, "PRIVATE KEY", KEYS.getPrivate().getEncoded());
	}

	private static String sign(KeyPair keys, String subject, List<String> roles, Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim("roles", roles)
			.issuer("test")
			.issueTime(Date.from(now.plus(lifetime.isNegative() ? lifetime.multipliedBy(2) : Duration.ZERO)))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign a test token", ex);
		}
		return jwt.serialize();
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path writePublicKey() {
		try {
			Path file = Files.createTempFile("saga-test-token-verification", ".pem");
			file.toFile().deleteOnExit();
			write(file, "PUBLIC KEY", KEYS.getPublic().getEncoded());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		try {
			Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
