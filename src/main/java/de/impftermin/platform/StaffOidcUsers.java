package de.impftermin.platform;

import de.impftermin.platform.StaffAccounts.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A state login (OpenID Connect) becomes a staff member with the role and centres the identity provider asserts in
 * its ID token ({@link StaffProperties.Oidc}): no local account is needed. A missing or unknown role is refused; the
 * identity provider decides who is staff, Impftermin only what each role may do.
 */
class StaffOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN_ROLE = "impftermin_unknown_role";

    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;
    private final StaffProperties.Oidc claims;

    StaffOidcUsers(StaffProperties.Oidc claims) {
        this(new OidcUserService(), claims);
    }

    StaffOidcUsers(OAuth2UserService<OidcUserRequest, OidcUser> delegate, StaffProperties.Oidc claims) {
        this.delegate = delegate;
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String nameAttribute = request.getClientRegistration()
                .getProviderDetails()
                .getUserInfoEndpoint()
                .getUserNameAttributeName();
        Role role = role(user.getClaim(claims.roleClaim())).orElseThrow(() -> new RefusedStateLogin(user.getName()));
        List<String> authorities = StaffAccounts.authorities(role, centres(user.getClaim(claims.centresClaim())));
        return new DefaultOidcUser(
                AuthorityUtils.createAuthorityList(authorities),
                user.getIdToken(),
                user.getUserInfo(),
                nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
    }

    static Optional<Role> role(@Nullable Object claim) {
        if (claim instanceof String value) {
            for (Role role : Role.values()) {
                if (role.name().equals(value.strip())) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    static List<String> centres(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .filter(id -> id.matches("[a-z0-9][a-z0-9-]{0,63}"))
                    .toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return centres(List.of(value.split("[ ,]+")));
        }
        return List.of();
    }

    /** The identity provider knows the person, but grants no Impftermin role. */
    static final class RefusedStateLogin extends OAuth2AuthenticationException {

        private final String username;

        RefusedStateLogin(String username) {
            super(new OAuth2Error(UNKNOWN_ROLE), "The state login carries no known Impftermin role.");
            this.username = username;
        }

        String username() {
            return username;
        }
    }
}
