add_library(sk_crypto INTERFACE)  # replaced by the crypto implementation
