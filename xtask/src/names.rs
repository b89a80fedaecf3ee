//! Identifier spellings shared by the generator: the PascalCase and snake_case forms
//! typify and progenitor derive from schema and property names.

/// PascalCase of an identifier-ish string: `custom_headers` → `CustomHeaders`,
/// `text/plain` → `TextPlain`, `sandboxId` → `SandboxId`.
pub fn pascal(s: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}

/// snake_case of an identifier-ish string: `sandboxId` → `sandbox_id`,
/// `renew-expiration` → `renew_expiration`.
pub fn snake(s: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case() {
        assert_eq!(pascal("custom_headers"), "CustomHeaders");
        assert_eq!(pascal("text/plain"), "TextPlain");
        assert_eq!(pascal("sandboxId"), "SandboxId");
        assert_eq!(pascal("3rd"), "3rd");
    }

    #[test]
    fn snake_case() {
        assert_eq!(snake("sandboxId"), "sandbox_id");
        assert_eq!(snake("renew-expiration"), "renew_expiration");
        assert_eq!(snake("userName"), "user_name");
        assert_eq!(snake("value"), "value");
    }
}
