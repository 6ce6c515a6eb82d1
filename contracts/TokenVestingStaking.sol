// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {BN256G1} from "./lib/BN256G1.sol";
import {IERC20, SafeTransfer} from "./lib/SafeTransfer.sol";
import {IServiceNodeRewards} from "./IServiceNodeRewards.sol";

interface IServiceNodeContributionFactory {
    function owns(address contractAddress) external view returns (bool);
}

interface IServiceNodeContributionActions {
    function contributeFunds(uint256 amount, address beneficiary) external;
    function withdrawContribution() external;
    function updateBeneficiary(address newBeneficiary) external;
}

interface IServiceNodeRewardsActions {
    function initiateExitBLSPublicKey(uint64 serviceNodeID) external;
    function claimRewards() external;
    function claimRewards(uint256 amount) external;
}

/// A vesting wallet (lockups A and F) that can stake its locked SESH: register a node, join a
/// contribution contract, exit and claim, all on behalf of its beneficiary. Tokens vest linearly
/// from `start` to `end` (all at once when they are equal); the revoker may take back the unvested.
contract TokenVestingStaking is SafeTransfer {
    event TokensReleased(address indexed token, uint256 amount);
    event TokensRevokedReleased(address indexed token, uint256 amount);
    event TokenVestingRevoked(address indexed token);
    event BeneficiaryTransferred(address oldBeneficiary, address newBeneficiary);
    event RevokerTransferred(address oldRevoker, address newRevoker);

    address public beneficiary;
    address public revoker;
    uint256 public immutable start;
    uint256 public immutable end;
    bool public immutable transferableBeneficiary;
    IServiceNodeRewards public immutable rewardsContract;
    IServiceNodeContributionFactory public immutable snContribFactory;
    IERC20 public immutable SESH;
    bool public revoked;
    mapping(address => uint256) private _released;

    constructor(
        address beneficiary_,
        address revoker_,
        uint256 start_,
        uint256 end_,
        bool transferableBeneficiary_,
        IServiceNodeRewards rewardsContract_,
        IServiceNodeContributionFactory snContribFactory_,
        IERC20 sesh_
    ) {
        require(beneficiary_ != address(0), "Vesting: beneficiary is the zero address");
        require(start_ <= end_, "Vesting: start after end");
        beneficiary = beneficiary_;
        revoker = revoker_;
        start = start_;
        end = end_;
        transferableBeneficiary = transferableBeneficiary_;
        rewardsContract = rewardsContract_;
        snContribFactory = snContribFactory_;
        SESH = sesh_;
    }

    modifier onlyBeneficiary() {
        require(msg.sender == beneficiary, "Vesting: caller is not beneficiary");
        _;
    }

    modifier onlyRevoker() {
        require(msg.sender == revoker, "Vesting: caller is not revoker");
        _;
    }

    modifier notRevoked() {
        require(!revoked, "Vesting: token revoked");
        _;
    }

    // ---- vesting ----------------------------------------------------------------------------

    function _vested(IERC20 token) private view returns (uint256) {
        uint256 total = token.balanceOf(address(this)) + _released[address(token)];
        if (block.timestamp < start) return 0;
        if (block.timestamp >= end || revoked) return total;
        return (total * (block.timestamp - start)) / (end - start);
    }

    function release(address token) external onlyBeneficiary {
        uint256 amount = _vested(IERC20(token)) - _released[token];
        require(amount > 0, "Vesting: no tokens are due");
        _released[token] += amount;
        emit TokensReleased(token, amount);
        _safeTransfer(IERC20(token), beneficiary, amount);
    }

    function revoke(address token) external onlyRevoker notRevoked {
        uint256 balance = IERC20(token).balanceOf(address(this));
        uint256 unvested = balance - (_vested(IERC20(token)) - _released[token]);
        revoked = true;
        emit TokenVestingRevoked(token);
        emit TokensRevokedReleased(token, unvested);
        _safeTransfer(IERC20(token), revoker, unvested);
    }

    function transferBeneficiary(address beneficiary_) external onlyBeneficiary {
        require(transferableBeneficiary, "Vesting: beneficiary not transferable");
        require(beneficiary_ != address(0), "Vesting: beneficiary is the zero address");
        emit BeneficiaryTransferred(beneficiary, beneficiary_);
        beneficiary = beneficiary_;
    }

    function transferRevoker(address revoker_) external onlyRevoker {
        emit RevokerTransferred(revoker, revoker_);
        revoker = revoker_;
    }

    // ---- staking with the locked tokens --------------------------------------------------------

    function addBLSPublicKey(
        BN256G1.G1Point calldata blsPubkey,
        IServiceNodeRewards.BLSSignatureParams calldata blsSignature,
        IServiceNodeRewards.ServiceNodeParams calldata serviceNodeParams,
        address snBeneficiary
    ) external onlyBeneficiary notRevoked {
        uint256 amount = rewardsContract.stakingRequirement();
        IServiceNodeRewards.Contributor[] memory contributors = new IServiceNodeRewards.Contributor[](1);
        contributors[0] = IServiceNodeRewards.Contributor(IServiceNodeRewards.Staker(address(this), snBeneficiary), amount);
        _safeApprove(SESH, address(rewardsContract), amount);
        rewardsContract.addBLSPublicKey(blsPubkey, blsSignature, serviceNodeParams, contributors);
    }

    function contributeFunds(address snContribAddr, uint256 amount, address snContribBeneficiary) external onlyBeneficiary notRevoked {
        require(snContribFactory.owns(snContribAddr), "Vesting: not a contribution contract");
        _safeApprove(SESH, snContribAddr, amount);
        IServiceNodeContributionActions(snContribAddr).contributeFunds(amount, snContribBeneficiary);
    }

    function withdrawContribution(address snContribAddr) external onlyBeneficiary {
        IServiceNodeContributionActions(snContribAddr).withdrawContribution();
    }

    function updateBeneficiary(address snContribAddr, address snContribBeneficiary) external onlyBeneficiary {
        IServiceNodeContributionActions(snContribAddr).updateBeneficiary(snContribBeneficiary);
    }

    function initiateExitBLSPublicKey(uint64 serviceNodeID) external onlyBeneficiary {
        IServiceNodeRewardsActions(address(rewardsContract)).initiateExitBLSPublicKey(serviceNodeID);
    }

    function claimRewards() external onlyBeneficiary {
        IServiceNodeRewardsActions(address(rewardsContract)).claimRewards();
    }

    function claimRewards(uint256 amount) external onlyBeneficiary {
        IServiceNodeRewardsActions(address(rewardsContract)).claimRewards(amount);
    }
}
