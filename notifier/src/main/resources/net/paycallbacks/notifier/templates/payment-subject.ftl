Payment received: order ${merchantTransactionId}, ${amount}
