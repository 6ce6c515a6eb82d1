// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {BN256G1} from "./lib/BN256G1.sol";
import {Initializable, Ownable2Step, Pausable} from "./lib/Access.sol";
import {IServiceNodeRewards} from "./IServiceNodeRewards.sol";
import {ServiceNodeContribution} from "./ServiceNodeContribution.sol";

/// Deploys a ServiceNodeContribution per multi-contributor node, the operator opening it.
contract ServiceNodeContributionFactory is Initializable, Ownable2Step, Pausable {
    event NewServiceNodeContributionContract(address indexed contributorContract, uint256 serviceNodePubkey, address operator);

    uint256 public constant VERSION = 1;
    IServiceNodeRewards public stakingRewardsContract;
    mapping(address => bool) public deployedContracts;

    function initialize(address _stakingRewardsContract) external initializer {
        _initOwner(msg.sender);
        stakingRewardsContract = IServiceNodeRewards(_stakingRewardsContract);
    }

    function owns(address contractAddress) external view returns (bool) {
        return deployedContracts[contractAddress];
    }

    function deploy(
        BN256G1.G1Point calldata key,
        IServiceNodeRewards.BLSSignatureParams calldata sig,
        IServiceNodeRewards.ServiceNodeParams calldata params,
        IServiceNodeRewards.ReservedContributor[] calldata reserved,
        bool manualFinalize
    ) external whenNotPaused returns (address result) {
        ServiceNodeContribution c = new ServiceNodeContribution(
            address(stakingRewardsContract), stakingRewardsContract.maxContributors(), key, sig, params, reserved, msg.sender, manualFinalize
        );
        result = address(c);
        deployedContracts[result] = true;
        emit NewServiceNodeContributionContract(result, params.serviceNodePubkey, msg.sender);
    }

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }
}
