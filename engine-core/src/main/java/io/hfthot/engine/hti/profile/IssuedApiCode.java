package io.hfthot.engine.hti.profile;

/**
 * A newly issued HTI code, shown once, and its stored profile.
 *
 * @param code    the code for the {@code X-API-Code} header
 * @param profile the stored profile
 */
public record IssuedApiCode(String code, HtiProfile profile) {
    /** Validates the components. */
    public IssuedApiCode {
        if (code == null || profile == null) {
            throw new IllegalArgumentException("code and profile must not be null");
        }
    }

    /** Hides the code. */
    @Override
    public String toString() {
        return "IssuedApiCode[codeId=" + profile.codeId() + ", account=" + profile.accountName() + "]";
    }
}
