Payment authorized: order ${merchantTransactionId}, ${amount}
