package dev.ordersaga.ops.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ordersaga.events.TokenClaims;
import dev.ordersaga.ops.CommandFailed;

/**
 * Signs tokens the services accept: JWTs (RS256) with a subject, its role in the
 * {@code roles} claim, {@code iss} {@value #ISSUER} and an expiry, signed with the local
 * stack's private key. {@code ./stack up} creates that key; the services check signatures
 * with its public half.
 */
public final class TokenIssuer {

	public static final String ISSUER = "sagactl";

	/** The subject of an operator's token that names no one in particular. */
	public static final String OPERATOR = "operator";

	/** Where {@code ./stack up} puts the private key, in the project's root. */
	static final String LOCAL_KEY = "var/keys/token-signing.pem";

	private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PEM_END = "-----END PRIVATE KEY-----";

	private final RSASSASigner signer;

	private TokenIssuer(RSASSASigner signer) {
		this.signer = signer;
	}

	/**
	 * The issuer that signs with the RSA private key in {@code file} (PEM, PKCS#8); fails
	 * naming the file when it cannot be read or holds no such key.
	 */
	public static TokenIssuer fromPem(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (AccessDeniedException ex) {
			throw new CommandFailed("cannot read the signing key " + file + ": permission denied");
		}
		catch (IOException ex) {
			throw new CommandFailed("cannot read the signing key " + file + ": " + ex);
		}
		int begin = text.indexOf(PEM_BEGIN);
		int end = text.indexOf(PEM_END);
		if (begin < 0 || end < begin) {
			throw new CommandFailed(file + " is not a private key in PEM (" + PEM_BEGIN + ", PKCS#8)");
		}
		try {
			byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end));
			PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
			return new TokenIssuer(new RSASSASigner(key));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// IllegalArgumentException: bad Base64, or a key shorter than RS256's 2048
			// bits
			throw new CommandFailed(file + " does not hold a usable RSA private key: " + ex.getMessage());
		}
	}

	/**
	 * The key to sign with when none is named: {@code $SAGA_SIGNING_KEY}, else
	 * {@value #LOCAL_KEY} in {@code $SAGA_HOME} (the project's root, set by
	 * {@code ./sagactl}), else in the working directory.
	 */
	public static Path localKey(Map<String, String> env) {
		String named = env.get("SAGA_SIGNING_KEY");
		if (named != null && !named.isBlank()) {
			return Path.of(named);
		}
		String home = env.get("SAGA_HOME");
		return Path.of((home != null && !home.isBlank()) ? home : "").resolve(LOCAL_KEY);
	}

	/**
	 * A token for {@code subject} in {@code role}, valid from now for {@code lifetime}.
	 */
	public String issue(String subject, Role role, Duration lifetime) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim(TokenClaims.ROLES, List.of(role.claimValue()))
			.issuer(ISSUER)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			token.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new CommandFailed("cannot sign the token: " + ex.getMessage());
		}
		return token.serialize();
	}

}
