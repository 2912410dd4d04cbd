package org.openinfusion.station.security;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;

/** The sign-in and account messages on the bus. */
public final class AuthCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(AuthMessages.SignInRequest.class, AuthMessages.SignedIn.class, AuthMessages.SaveUser.class,
                AuthMessages.Unlock.class, AuthMessages.UserList.class,
                AuthMessages.SetDisabled.class, AuthMessages.ResetPassword.class, AuthMessages.ChangePassword.class);
    }
}
