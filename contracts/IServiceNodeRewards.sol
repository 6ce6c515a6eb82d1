// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {BN256G1} from "./lib/BN256G1.sol";

/// Session's ServiceNodeRewards types, under the same names so the ABIs' struct types match.
interface IServiceNodeRewards {
    struct BLSSignatureParams {
        uint256 sigs0;
        uint256 sigs1;
        uint256 sigs2;
        uint256 sigs3;
    }

    struct ServiceNodeParams {
        uint256 serviceNodePubkey;
        uint256 serviceNodeSignature1;
        uint256 serviceNodeSignature2;
        uint16 fee;
    }

    struct Staker {
        address addr;
        address beneficiary;
    }

    struct Contributor {
        Staker staker;
        uint256 stakedAmount;
    }

    struct ReservedContributor {
        address addr;
        uint256 amount;
    }

    struct ServiceNode {
        uint64 next;
        uint64 prev;
        address operator;
        BN256G1.G1Point blsPubkey;
        uint256 addedTimestamp;
        uint256 leaveRequestTimestamp;
        uint256 latestLeaveRequestTimestamp;
        uint256 deposit;
        Contributor[] contributors;
        uint256 ed25519Pubkey;
    }

    struct SeedServiceNode {
        BN256G1.G1Point blsPubkey;
        uint256 ed25519Pubkey;
        uint256 addedTimestamp;
        Contributor[] contributors;
    }

    function designatedToken() external view returns (address);
    function stakingRequirement() external view returns (uint256);
    function maxContributors() external view returns (uint256);
    function addBLSPublicKey(
        BN256G1.G1Point calldata blsPubkey,
        BLSSignatureParams calldata blsSignature,
        ServiceNodeParams calldata serviceNodeParams,
        Contributor[] calldata contributors
    ) external;
}
