Refund: ${amount} for order ${merchantTransactionId}
