package com.cloudpbx.http.auth;

import com.cloudpbx.core.identity.DescribeMe;
import com.cloudpbx.core.identity.IssueTurnCredentials;
import com.cloudpbx.core.identity.Login;
import com.cloudpbx.core.identity.LoginResult;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.auth.AuthJson.AccountLoginRequest;
import com.cloudpbx.http.auth.AuthJson.ExtensionLoginRequest;
import com.cloudpbx.http.auth.AuthJson.LoginResponse;
import com.cloudpbx.http.auth.AuthJson.MeResponse;
import com.cloudpbx.http.auth.AuthJson.TurnResponse;
import com.cloudpbx.http.network.ClientAddresses;
import com.cloudpbx.http.security.TokenIssuer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Logins for extension users, tenant admins and superadmins, and who the caller is. */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
public class AuthController {

    private final Login login;
    private final DescribeMe describeMe;
    private final IssueTurnCredentials turn;
    private final TokenIssuer tokens;
    private final ClientAddresses addresses;

    public AuthController(Login login, DescribeMe describeMe, IssueTurnCredentials turn, TokenIssuer tokens,
                          ClientAddresses addresses) {
        this.login = login;
        this.describeMe = describeMe;
        this.turn = turn;
        this.tokens = tokens;
        this.addresses = addresses;
    }

    /** Extension users log in with their extension number, SIP password and tenant. */
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public LoginResponse login(@Body ExtensionLoginRequest body, HttpRequest<?> request) {
        return respond(login.extension(body.username(), body.password(), body.tenantId(), addresses.text(request)));
    }

    @Post("/admin-login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public LoginResponse adminLogin(@Body AccountLoginRequest body, HttpRequest<?> request) {
        return respond(login.admin(body.email(), body.password(), addresses.text(request)));
    }

    @Post("/superadmin-login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public LoginResponse superadminLogin(@Body AccountLoginRequest body, HttpRequest<?> request) {
        return respond(login.superadmin(body.email(), body.password(), addresses.text(request)));
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MeResponse me(@Parameter(hidden = true) Actor actor) {
        return MeResponse.of(describeMe.describe(actor));
    }

    @Get("/turn-credentials")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public TurnResponse turnCredentials(@Parameter(hidden = true) Actor actor) {
        return TurnResponse.of(turn.issue(actor));
    }

    private LoginResponse respond(LoginResult result) {
        return LoginResponse.of(tokens.issue(result.principal()), result);
    }
}
