package dev.eshop.platform.webapp.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds {@code ROLE_X} for each value of the roles claim of the ID token (or user info): a string,
 * possibly comma- or space-separated, or an array; matched case-insensitively. The services read
 * the same claim from the access token.
 */
final class RolesFromIdToken implements GrantedAuthoritiesMapper {

    private final String rolesClaim;

    RolesFromIdToken(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                for (String role : roles(oidc.getAttributes().get(rolesClaim))) {
                    mapped.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
                }
            }
        }
        return mapped;
    }

    private static List<String> roles(Object claim) {
        List<String> roles = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> roles.addAll(roles(value)));
        }
        else if (claim instanceof String value) {
            Arrays.stream(value.split("[,\\s]+")).filter(role -> !role.isBlank()).forEach(roles::add);
        }
        return roles;
    }
}
