package dev.ordersaga.messaging.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.ordersaga.events.Ids;
import dev.ordersaga.events.TokenClaims;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a verified token's roles and names its caller. Only the roles {@code customer}
 * and {@code operator} (in any case) count; others are ignored. A customer's id must look
 * like the ids the APIs take ({@code [A-Za-z0-9._-]}, at most 100), or the token grants
 * no customer role.
 */
final class TokenRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	private final List<String> rolesPath;

	private final String customerClaim;

	/**
	 * @param rolesClaim the claim of the roles, a dotted path into nested objects
	 * @param customerClaim the claim of the customer's id
	 */
	TokenRoles(String rolesClaim, String customerClaim) {
		this.rolesPath = List.of(rolesClaim.split("\\."));
		this.customerClaim = customerClaim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String claimed = jwt.getClaimAsString(this.customerClaim);
		String name = (claimed != null) ? claimed : String.valueOf(jwt.getSubject());
		Set<String> roles = roles(jwt);
		boolean customer = roles.contains(TokenClaims.CUSTOMER) && Ids.isValid(claimed);
		List<GrantedAuthority> authorities = roles.contains(TokenClaims.OPERATOR)
				? List.of(new SimpleGrantedAuthority("ROLE_" + Caller.OPERATOR))
				: customer ? List.of(new SimpleGrantedAuthority("ROLE_" + Caller.CUSTOMER)) : List.of();
		return new JwtAuthenticationToken(jwt, authorities, name);
	}

	private Set<String> roles(Jwt jwt) {
		@Nullable Object node = jwt.getClaims();
		for (String step : this.rolesPath) {
			node = (node instanceof Map<?, ?> object) ? object.get(step) : null;
		}
		if (!(node instanceof Collection<?> values)) {
			return Set.of();
		}
		return Set.copyOf(values.stream().map((value) -> String.valueOf(value).toLowerCase(Locale.ROOT)).toList());
	}

}
