// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

interface ISeshTransferFrom {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// Devnet only, with no counterpart on Arbitrum One: lets the scenario replay a day of SESH
/// trading between simulated holders in a few transactions instead of thousands. Each entry is a
/// real `transferFrom` on SESH (the holders approved this contract), so each emits SESH's own
/// Transfer log exactly as a holder's direct transfer would; this contract emits nothing.
contract SeshTransferBatcher {
    ISeshTransferFrom public immutable token;

    error LengthMismatch();

    constructor(ISeshTransferFrom seshToken) {
        token = seshToken;
    }

    function transferBatch(address[] calldata from, address[] calldata to, uint256[] calldata amounts) external {
        if (from.length != to.length || from.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < from.length; i++) {
            require(token.transferFrom(from[i], to[i], amounts[i]), "transfer refused");
        }
    }
}
