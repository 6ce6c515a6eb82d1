// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {Initializable, Ownable2Step} from "./lib/Access.sol";
import {IERC20, SafeTransfer} from "./lib/SafeTransfer.sol";

/// Holds the staking reward pool and releases ANNUAL_SIMPLE_PAYOUT_RATE (15.1%) a year of its
/// balance to its beneficiary (ServiceNodeRewards), simple interest recomputed at each payout.
contract RewardRatePool is Initializable, Ownable2Step, SafeTransfer {
    event FundsReleased(uint256 amount);
    event BeneficiaryUpdated(address newBeneficiary);

    uint256 public constant VERSION = 1;
    uint64 public constant ANNUAL_SIMPLE_PAYOUT_RATE = 1510;
    uint64 public constant BASIS_POINTS = 10000;

    IERC20 public SESH;
    address public beneficiary;
    uint256 public totalPaidOut;
    uint256 public lastPaidOutTime;

    function initialize(address _beneficiary, address _sesh) external initializer {
        _initOwner(msg.sender);
        beneficiary = _beneficiary;
        SESH = IERC20(_sesh);
        lastPaidOutTime = block.timestamp;
    }

    /// Everything ever deposited: what it holds plus what it paid out.
    function calculateTotalDeposited() public view returns (uint256) {
        return SESH.balanceOf(address(this)) + totalPaidOut;
    }

    function calculateReleasedAmount() public view returns (uint256) {
        return calculatePayoutAmount(SESH.balanceOf(address(this)), block.timestamp - lastPaidOutTime);
    }

    function calculatePayoutAmount(uint256 balance, uint256 timeElapsed) public pure returns (uint256) {
        return (balance * ANNUAL_SIMPLE_PAYOUT_RATE * timeElapsed) / (uint256(BASIS_POINTS) * 365 days);
    }

    function rewardRate() external view returns (uint256) {
        return calculatePayoutAmount(SESH.balanceOf(address(this)), 2 minutes);
    }

    function payoutReleased() external {
        uint256 amount = calculateReleasedAmount();
        lastPaidOutTime = block.timestamp;
        totalPaidOut += amount;
        emit FundsReleased(amount);
        _safeTransfer(SESH, beneficiary, amount);
    }

    function setBeneficiary(address newBeneficiary) external onlyOwner {
        beneficiary = newBeneficiary;
        emit BeneficiaryUpdated(newBeneficiary);
    }
}
