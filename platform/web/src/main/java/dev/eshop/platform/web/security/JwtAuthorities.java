package dev.eshop.platform.web.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Authorities of a token: {@code ROLE_X} for each value of the roles claim (a string, possibly
 * comma- or space-separated, or an array; matched case-insensitively, so {@code admin} is
 * {@code ROLE_ADMIN}) and {@code SCOPE_x} for each scope in {@code scope} / {@code scp}.
 */
public class JwtAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String rolesClaim;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    public JwtAuthorities(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    /** A converter making authentications named by {@code sub} with these authorities. */
    public static JwtAuthenticationConverter authenticationConverter(String rolesClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new JwtAuthorities(rolesClaim));
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        for (String role : roles(jwt.getClaims().get(rolesClaim))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
        }
        return authorities;
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
