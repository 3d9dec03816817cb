"""Text analysis shared by every check: tokens, sentences, scopes, language."""
