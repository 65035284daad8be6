package dev.ordersaga.ops.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.ordersaga.events.Ids;
import dev.ordersaga.ops.CommandFailed;
import dev.ordersaga.ops.Durations;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sagactl token}: a signed token for a customer or an operator. */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Prints a token for the services' APIs: a JWT signed (RS256) with the local stack's key.",
				"A customer's token has the customer's id as its subject and the role customer; an operator's has "
						+ "the role operator and may act for any customer. The services check the signature with "
						+ "var/keys/token-verification.pem; ./stack up creates both keys.",
				"The other commands that call the services' APIs send an operator token of their own; "
						+ "--token or $SAGA_TOKEN gives them another." },
		footer = { "", "Exit codes: 0 printed, 1 no usable key, 2 usage.", "", "Examples:",
				"  ./sagactl token --customer c-1", "  TOKEN=$(./sagactl token --customer c-1)",
				"  curl -H \"Authorization: Bearer $TOKEN\" localhost:8080/orders",
				"  export SAGA_TOKEN=$(./sagactl token --operator --subject alice --expires 8h)" })
public final class TokenCommand implements Callable<Integer> {

	/** Whose token: exactly one of the two. */
	static final class Holder {

		@Option(names = "--customer", paramLabel = "ID", required = true,
				description = "a customer's token; ID is the customer's id, e.g. c-1")
		private @Nullable String customer;

		@Option(names = "--operator", required = true, description = "an operator's token")
		private boolean operator;

	}

	@Spec
	private CommandSpec spec;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Holder holder;

	@Option(names = "--subject", paramLabel = "NAME",
			description = "with --operator: the operator's name as the token's subject; default "
					+ TokenIssuer.OPERATOR)
	private @Nullable String subject;

	@Option(names = "--expires", paramLabel = "DURATION", defaultValue = "1h",
			description = "how long the token is valid, e.g. 15m or 8h; default ${DEFAULT-VALUE}")
	private String expires;

	@Option(names = "--key", paramLabel = "FILE",
			description = "the private key to sign with (PEM, PKCS#8); default $SAGA_SIGNING_KEY, "
					+ "else var/keys/token-signing.pem in the project")
	private @Nullable Path key;

	@Override
	public Integer call() {
		Duration lifetime = Durations.parse("--expires", this.expires);
		if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("--expires must be at least 1s");
		}
		Role role;
		String subject;
		if (this.holder.operator) {
			role = Role.OPERATOR;
			subject = requireSubject("--subject", (this.subject != null) ? this.subject : TokenIssuer.OPERATOR);
		}
		else {
			if (this.subject != null) {
				throw new IllegalArgumentException("--subject goes with --operator: a customer's subject is its id");
			}
			role = Role.CUSTOMER;
			// picocli requires one of the group's options: without --operator, --customer
			// is there
			subject = requireSubject("--customer", Objects.requireNonNull(this.holder.customer));
		}
		Path keyFile = (this.key != null) ? this.key : TokenIssuer.localKey(System.getenv());
		if (!Files.exists(keyFile)) {
			throw new CommandFailed(
					"no signing key at " + keyFile.toAbsolutePath() + ": ./stack up creates it (or pass --key FILE)");
		}
		this.spec.commandLine().getOut().println(TokenIssuer.fromPem(keyFile).issue(subject, role, lifetime));
		return 0;
	}

	private static String requireSubject(String option, String value) {
		if (!Ids.isValid(value)) {
			throw new IllegalArgumentException(
					option + ": '" + value + "' is not an id: 1 to 100 letters, digits, '.', '_' or '-'");
		}
		return value;
	}

}
