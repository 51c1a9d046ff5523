add_library(sk_model INTERFACE)  # replaced by the model implementation
