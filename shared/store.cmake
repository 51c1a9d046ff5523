add_library(sk_store INTERFACE)  # replaced by the store implementation
